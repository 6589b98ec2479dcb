package dev.tower.destiny.inventory;

import java.time.Clock;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.tower.destiny.bungie.Envelope;
import dev.tower.destiny.demo.DemoBungie;
import dev.tower.destiny.manifest.Definitions;

/**
 * {@link DestinyApi} on the simulated Bungie.net, in-process: each demo board (one per browser session) is its own
 * copy of the demo profile, changed with Bungie's rules and refusals, so the demo behaves like the real thing. Bodies
 * and answers are Bungie's JSON, read as {@link BungieDestinyApi} reads Bungie.net's.
 */
final class DemoDestinyApi implements DestinyApi {

	private final DemoBungie bungie;

	private final JsonMapper json;

	DemoDestinyApi(Definitions definitions, JsonMapper json) {
		this(definitions, json, Clock.systemUTC());
	}

	/** {@code clock} sets Xûr's week. */
	DemoDestinyApi(Definitions definitions, JsonMapper json, Clock clock) {
		this.bungie = new DemoBungie(definitions, json, clock);
		this.json = json;
	}

	@Override
	public JsonNode profile(Guardian guardian) {
		return Envelope.open(bungie.profile(guardian.key()));
	}

	@Override
	public JsonNode item(Guardian guardian, String itemInstanceId) {
		return Envelope.open(bungie.item(guardian.key(), itemInstanceId));
	}

	@Override
	public JsonNode vendor(Guardian guardian, String characterId, long vendorHash) {
		return Envelope.open(bungie.vendor(guardian.key(), characterId, vendorHash));
	}

	@Override
	public void transfer(Guardian guardian, TransferItemRequest request) {
		Envelope.open(bungie.transferItem(guardian.key(), json.valueToTree(request)));
	}

	@Override
	public void equip(Guardian guardian, ItemActionRequest request) {
		Envelope.open(bungie.equipItem(guardian.key(), json.valueToTree(request)));
	}

	@Override
	public void pullFromPostmaster(Guardian guardian, PostmasterTransferRequest request) {
		Envelope.open(bungie.pullFromPostmaster(guardian.key(), json.valueToTree(request)));
	}

}
