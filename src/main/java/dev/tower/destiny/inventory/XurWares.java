package dev.tower.destiny.inventory;

import java.util.Optional;

import org.springframework.stereotype.Service;

/** Xûr's visit for code outside the board's pages (the weekly notice): as the account's player sees it. */
@Service
public class XurWares {

	private final Guardians guardians;

	private final Inventories inventories;

	private final Xur xur;

	XurWares(Guardians guardians, Inventories inventories, Xur xur) {
		this.guardians = guardians;
		this.inventories = inventories;
		this.xur = xur;
	}

	/** Empty when the account has no Bungie.net player to ask with (in demo mode every account has one). */
	public Optional<XurVisit> visit(long accountId) {
		return guardians.forAccount(accountId).map(guardian -> xur.visit(guardian, inventories.board(guardian)));
	}

}
