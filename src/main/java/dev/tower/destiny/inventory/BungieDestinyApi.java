package dev.tower.destiny.inventory;

import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

import dev.tower.destiny.bungie.BungieClient;

/** {@link DestinyApi} on Bungie.net, with the player's access token. */
final class BungieDestinyApi implements DestinyApi {

	static final String PROFILE = "/Destiny2/%d/Profile/%s/?components=100,102,200,201,205,300";

	static final String VENDOR = "/Destiny2/%d/Profile/%s/Character/%s/Vendors/%d/?components=400,402";

	static final String TRANSFER_ITEM = "/Destiny2/Actions/Items/TransferItem/";

	static final String EQUIP_ITEM = "/Destiny2/Actions/Items/EquipItem/";

	static final String PULL_FROM_POSTMASTER = "/Destiny2/Actions/Items/PullFromPostmaster/";

	/** int64 ids only: they go into paths. */
	private static final Pattern ID = Pattern.compile("[0-9]{1,20}");

	private final BungieClient bungie;

	BungieDestinyApi(BungieClient bungie) {
		this.bungie = bungie;
	}

	@Override
	public JsonNode profile(Guardian guardian) {
		return bungie.get(PROFILE.formatted(guardian.membershipType(), id(guardian.membershipId())),
				guardian.accessToken());
	}

	@Override
	public JsonNode vendor(Guardian guardian, String characterId, long vendorHash) {
		return bungie.get(VENDOR.formatted(guardian.membershipType(), id(guardian.membershipId()), id(characterId),
				vendorHash), guardian.accessToken());
	}

	@Override
	public void transfer(Guardian guardian, TransferItemRequest request) {
		bungie.post(TRANSFER_ITEM, request, guardian.accessToken());
	}

	@Override
	public void equip(Guardian guardian, ItemActionRequest request) {
		bungie.post(EQUIP_ITEM, request, guardian.accessToken());
	}

	@Override
	public void pullFromPostmaster(Guardian guardian, PostmasterTransferRequest request) {
		bungie.post(PULL_FROM_POSTMASTER, request, guardian.accessToken());
	}

	private static String id(String id) {
		if (id == null || !ID.matcher(id).matches()) {
			throw new IllegalArgumentException("not a Destiny id: " + id);
		}
		return id;
	}

}
