package dev.tower.destiny.inventory;

import tools.jackson.databind.JsonNode;

import dev.tower.destiny.bungie.BungieClient;
import dev.tower.destiny.bungie.BungieEndpoints;

/**
 * {@link DestinyApi} on Bungie.net, with the player's access token. Paths come from {@link BungieEndpoints} (held
 * against Bungie's specification by its conformance test); actions go through {@link BungieClient#action}, which
 * keeps Bungie's spacing between one player's actions.
 */
final class BungieDestinyApi implements DestinyApi {

	private final BungieClient bungie;

	BungieDestinyApi(BungieClient bungie) {
		this.bungie = bungie;
	}

	@Override
	public JsonNode profile(Guardian guardian) {
		return bungie.get(BungieEndpoints.PROFILE.path(guardian.membershipType(), guardian.membershipId()),
				guardian.accessToken());
	}

	@Override
	public JsonNode item(Guardian guardian, String itemInstanceId) {
		return bungie.get(BungieEndpoints.ITEM.path(guardian.membershipType(), guardian.membershipId(), itemInstanceId),
				guardian.accessToken());
	}

	@Override
	public JsonNode vendor(Guardian guardian, String characterId, long vendorHash) {
		return bungie.get(BungieEndpoints.VENDOR.path(guardian.membershipType(), guardian.membershipId(), characterId,
				vendorHash), guardian.accessToken());
	}

	@Override
	public void transfer(Guardian guardian, TransferItemRequest request) {
		bungie.action(BungieEndpoints.TRANSFER_ITEM.path(), request, guardian.accessToken(), guardian.membershipId());
	}

	@Override
	public void equip(Guardian guardian, ItemActionRequest request) {
		bungie.action(BungieEndpoints.EQUIP_ITEM.path(), request, guardian.accessToken(), guardian.membershipId());
	}

	@Override
	public void pullFromPostmaster(Guardian guardian, PostmasterTransferRequest request) {
		bungie.action(BungieEndpoints.PULL_FROM_POSTMASTER.path(), request, guardian.accessToken(),
				guardian.membershipId());
	}

}
