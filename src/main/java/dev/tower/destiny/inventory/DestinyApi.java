package dev.tower.destiny.inventory;

import tools.jackson.databind.JsonNode;

/**
 * The part of Bungie.net's Destiny 2 API the board uses, in Bungie's own request and response shapes. Bungie.net
 * itself when an application is configured; the demo's in-memory board otherwise, so both run the same decoding
 * and move logic. Refusals are {@link dev.tower.destiny.bungie.BungieException}s of kind REFUSED with Bungie's
 * {@code ErrorStatus}.
 */
interface DestinyApi {

	/** {@code GetProfile} with components 100, 102, 200, 201, 205, 300: a {@code DestinyProfileResponse}. */
	JsonNode profile(Guardian guardian);

	/** {@code GetItem} with components 300, 304, 305: a {@code DestinyItemResponse}, for the item window. */
	JsonNode item(Guardian guardian, String itemInstanceId);

	/** {@code GetVendor} with components 400, 402: a {@code DestinyVendorResponse}. */
	JsonNode vendor(Guardian guardian, String characterId, long vendorHash);

	/** {@code TransferItem}: between a character and the vault, one hop. */
	void transfer(Guardian guardian, TransferItemRequest request);

	/** {@code EquipItem}: the item must already be on that character. */
	void equip(Guardian guardian, ItemActionRequest request);

	/** {@code PullFromPostmaster}: from the character's postmaster into its inventory. */
	void pullFromPostmaster(Guardian guardian, PostmasterTransferRequest request);

	/** {@code Destiny.Requests.DestinyItemTransferRequest}; ids are int64 sent as strings, as Bungie accepts. */
	record TransferItemRequest(long itemReferenceHash, int stackSize, boolean transferToVault, String itemId,
			String characterId, int membershipType) {
	}

	/** {@code Destiny.Requests.Actions.DestinyItemActionRequest}. */
	record ItemActionRequest(String itemId, String characterId, int membershipType) {
	}

	/** {@code Destiny.Requests.Actions.DestinyPostmasterTransferRequest}. */
	record PostmasterTransferRequest(long itemReferenceHash, int stackSize, String itemId, String characterId,
			int membershipType) {
	}

}
