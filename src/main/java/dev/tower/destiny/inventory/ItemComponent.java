package dev.tower.destiny.inventory;

/**
 * One item as Bungie reports it: a {@code DestinyItemComponent} joined with its {@code DestinyItemInstanceComponent}
 * (component 300) when it is instanced. Ids are 64-bit: kept as strings; hashes are unsigned 32-bit, in a long.
 *
 * @param instanceId {@code itemInstanceId}, or null for stackable items (consumables, mods)
 * @param bucketHash where it is now ({@code Vault}, {@code LostItems}, or its own slot on a character)
 * @param location ItemLocation: 1 Inventory, 2 Vault, 4 Postmaster
 * @param state ItemState bit flags: 1 Locked, 4 Masterwork
 * @param transferStatus TransferStatuses flags: 1 equipped, 2 not transferable, 4 no room
 * @param damageTypeHash from the instance, or 0
 * @param power {@code primaryStat.value}, or 0 when the item has none
 */
record ItemComponent(long itemHash, String instanceId, int quantity, long bucketHash, int location, int state,
		int transferStatus, boolean lockable, long damageTypeHash, int power, boolean equipped, boolean canEquip) {

	static final int LOCKED = 1;

	static final int MASTERWORK = 4;

	boolean locked() {
		return (state & LOCKED) != 0;
	}

	boolean masterwork() {
		return (state & MASTERWORK) != 0;
	}

	boolean instanced() {
		return instanceId != null;
	}

}
