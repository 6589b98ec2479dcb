package dev.tower.account;

import java.time.Instant;

/** What other features may know about an account. */
public record AccountView(long id, String username, Role role, boolean disabled, Instant createdAt) {

	public boolean admin() {
		return role == Role.ADMIN;
	}

}
