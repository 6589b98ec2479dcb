package dev.tower.destiny.bungie;

import java.util.List;

/**
 * Every Bungie.net call Tower makes, in one place, so that {@code BungieSpecConformanceTests} can hold each against
 * Bungie's {@code openapi.json}. To call something new, or read a new field, add it here first: the test then says
 * whether Bungie has it. Build paths with {@link BungieEndpoint#path}, e.g.
 * {@code bungie.get(BungieEndpoints.PROFILE.path(membershipType, membershipId), token)}.
 */
public final class BungieEndpoints {

	/** Where a player logs in (not a Platform call: the spec's {@code oauth2} security scheme names it). */
	public static final String AUTHORIZE = "/en/OAuth/Authorize";

	/** The OAuth token endpoint, for codes and refreshes (the spec's {@code tokenUrl} and {@code refreshUrl}). */
	public static final String TOKEN = "/Platform/App/OAuth/token/";

	/** The logged-in player's Bungie.net account and Destiny memberships; cross save names the primary one. */
	public static final BungieEndpoint MEMBERSHIPS = BungieEndpoint.get("/User/GetMembershipsForCurrentUser/", List.of(),
			"destinyMemberships[].membershipType", "destinyMemberships[].membershipId",
			"destinyMemberships[].displayName", "destinyMemberships[].bungieGlobalDisplayName",
			"destinyMemberships[].bungieGlobalDisplayNameCode", "destinyMemberships[].crossSaveOverride",
			"destinyMemberships[].applicableMembershipTypes[]", "primaryMembershipId", "bungieNetUser.displayName",
			"bungieNetUser.membershipId", "bungieNetUser.cachedBungieGlobalDisplayName",
			"bungieNetUser.cachedBungieGlobalDisplayNameCode");

	/** The current manifest: its version and where each definition table lies, by language. */
	public static final BungieEndpoint MANIFEST = BungieEndpoint.get("/Destiny2/Manifest/", List.of(), "version",
			"jsonWorldComponentContentPaths{}{}");

	/** Components for the board: profile, profile inventory (vault), characters, their inventories and equipment, instances. */
	public static final List<Integer> BOARD_COMPONENTS = List.of(100, 102, 200, 201, 205, 300);

	/** A player's profile with {@link #BOARD_COMPONENTS}; takes membershipType and destinyMembershipId. */
	public static final BungieEndpoint PROFILE = BungieEndpoint.get("/Destiny2/{membershipType}/Profile/{destinyMembershipId}/",
			BOARD_COMPONENTS, "profile.data.userInfo.displayName", "profile.data.userInfo.bungieGlobalDisplayName",
			"profile.data.userInfo.bungieGlobalDisplayNameCode",
			"profile.data.userInfo.membershipType", "profile.data.userInfo.membershipId",
			"characters.data{}.characterId", "characters.data{}.classType", "characters.data{}.classHash",
			"characters.data{}.light", "characters.data{}.emblemPath", "characters.data{}.emblemBackgroundPath",
			"characters.data{}.raceType", "characters.data{}.genderType", "characters.data{}.dateLastPlayed",
			"profileInventory.data.items[].itemHash", "profileInventory.data.items[].itemInstanceId",
			"profileInventory.data.items[].quantity", "profileInventory.data.items[].bucketHash",
			"profileInventory.data.items[].location", "profileInventory.data.items[].state",
			"profileInventory.data.items[].transferStatus", "profileInventory.data.items[].lockable",
			"characterInventories.data{}.items[].itemHash", "characterInventories.data{}.items[].itemInstanceId",
			"characterInventories.data{}.items[].quantity", "characterInventories.data{}.items[].bucketHash",
			"characterInventories.data{}.items[].location", "characterInventories.data{}.items[].state",
			"characterInventories.data{}.items[].transferStatus", "characterInventories.data{}.items[].lockable",
			"characterEquipment.data{}.items[].itemHash", "characterEquipment.data{}.items[].itemInstanceId",
			"characterEquipment.data{}.items[].quantity", "characterEquipment.data{}.items[].bucketHash",
			"characterEquipment.data{}.items[].location", "characterEquipment.data{}.items[].state",
			"characterEquipment.data{}.items[].transferStatus", "characterEquipment.data{}.items[].lockable",
			"itemComponents.instances.data{}.damageTypeHash", "itemComponents.instances.data{}.primaryStat.value",
			"itemComponents.instances.data{}.isEquipped", "itemComponents.instances.data{}.canEquip",
			"profileInventory.privacy", "characters.privacy", "characterInventories.privacy",
			"characterEquipment.privacy", "itemComponents.instances.privacy");

	/**
	 * The item window's components, asked per item when its window opens (a whole profile with them is megabytes):
	 * instance (power, damage), stats, sockets.
	 */
	public static final List<Integer> ITEM_COMPONENTS = List.of(300, 304, 305);

	/** One instanced item with {@link #ITEM_COMPONENTS}; takes membershipType, destinyMembershipId and itemInstanceId. */
	public static final BungieEndpoint ITEM = BungieEndpoint.get(
			"/Destiny2/{membershipType}/Profile/{destinyMembershipId}/Item/{itemInstanceId}/", ITEM_COMPONENTS,
			"instance.data.primaryStat.value", "instance.data.damageTypeHash", "stats.data.stats{}.statHash",
			"stats.data.stats{}.value", "stats.privacy", "sockets.data.sockets[].plugHash",
			"sockets.data.sockets[].isEnabled", "sockets.data.sockets[].isVisible", "sockets.privacy");

	/** Xûr's vendor hash, for {@link #VENDOR}. */
	public static final long XUR = 2190858386L;

	/**
	 * One vendor as a character sees it, with its sales (components 400 Vendors, 402 VendorSales); takes
	 * membershipType, destinyMembershipId, characterId and vendorHash.
	 */
	public static final BungieEndpoint VENDOR = BungieEndpoint.get(
			"/Destiny2/{membershipType}/Profile/{destinyMembershipId}/Character/{characterId}/Vendors/{vendorHash}/",
			List.of(400, 402), "vendor.data.vendorHash", "vendor.data.enabled", "vendor.data.canPurchase",
			"vendor.data.nextRefreshDate", "vendor.data.vendorLocationIndex", "sales.data{}.vendorItemIndex",
			"sales.data{}.itemHash", "sales.data{}.quantity", "sales.data{}.costs[].itemHash",
			"sales.data{}.costs[].quantity");

	/** Moves an item between the vault and a character (both a reference hash and an instance id for instanced items). */
	public static final BungieEndpoint TRANSFER_ITEM = BungieEndpoint.post("/Destiny2/Actions/Items/TransferItem/",
			"itemReferenceHash", "stackSize", "transferToVault", "itemId", "characterId", "membershipType");

	/** Equips an item the character carries. */
	public static final BungieEndpoint EQUIP_ITEM = BungieEndpoint.post("/Destiny2/Actions/Items/EquipItem/", "itemId",
			"characterId", "membershipType");

	/** Takes an item out of a character's postmaster. */
	public static final BungieEndpoint PULL_FROM_POSTMASTER = BungieEndpoint.post(
			"/Destiny2/Actions/Items/PullFromPostmaster/", "itemReferenceHash", "stackSize", "itemId", "characterId",
			"membershipType");

	/** Locks or unlocks an instanced item. */
	public static final BungieEndpoint SET_LOCK_STATE = BungieEndpoint.post("/Destiny2/Actions/Items/SetLockState/",
			"state", "itemId", "characterId", "membershipType");

	private BungieEndpoints() {
	}

}
