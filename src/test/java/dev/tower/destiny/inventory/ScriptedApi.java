package dev.tower.destiny.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import tools.jackson.databind.JsonNode;

import dev.tower.destiny.bungie.BungieException;

/**
 * The demo board's {@link DestinyApi}, recording every action it is asked for, and refusing the n-th action (1 is
 * the first) when a test scripts it, as Bungie would.
 */
final class ScriptedApi implements DestinyApi {

	final DemoDestinyApi demo;

	final List<Object> actions = new CopyOnWriteArrayList<>();

	int profileFetches;

	private final List<Refusal> refusals = new ArrayList<>();

	record Refusal(int action, BungieException refusal) {
	}

	ScriptedApi(BundledDefinitions definitions) {
		// a Saturday: Xûr is here (until Tuesday 1 December)
		this.demo = new DemoDestinyApi(definitions, BundledDefinitions.json(),
				java.time.Clock.fixed(java.time.Instant.parse("2026-11-28T12:00:00Z"), java.time.ZoneOffset.UTC));
	}

	ScriptedApi refuse(int action, int code, String status) {
		refusals.add(new Refusal(action, new BungieException(BungieException.Kind.REFUSED, code, status,
				"Bungie says no (" + status + ")", null, null)));
		return this;
	}

	ScriptedApi refuse(int action, BungieException refusal) {
		refusals.add(new Refusal(action, refusal));
		return this;
	}

	@Override
	public JsonNode profile(Guardian guardian) {
		profileFetches++;
		return demo.profile(guardian);
	}

	@Override
	public JsonNode item(Guardian guardian, String itemInstanceId) {
		return demo.item(guardian, itemInstanceId);
	}

	@Override
	public JsonNode vendor(Guardian guardian, String characterId, long vendorHash) {
		return demo.vendor(guardian, characterId, vendorHash);
	}

	@Override
	public void transfer(Guardian guardian, TransferItemRequest request) {
		check(request);
		demo.transfer(guardian, request);
	}

	@Override
	public void equip(Guardian guardian, ItemActionRequest request) {
		check(request);
		demo.equip(guardian, request);
	}

	@Override
	public void pullFromPostmaster(Guardian guardian, PostmasterTransferRequest request) {
		check(request);
		demo.pullFromPostmaster(guardian, request);
	}

	private void check(Object request) {
		actions.add(request);
		for (Refusal refusal : refusals) {
			if (refusal.action() == actions.size()) {
				throw refusal.refusal();
			}
		}
	}

}
