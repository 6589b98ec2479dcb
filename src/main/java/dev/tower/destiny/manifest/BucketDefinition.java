package dev.tower.destiny.manifest;

/**
 * A {@code DestinyInventoryBucketDefinition}: the slots items sit in (kinetic weapons, helmet, vault …).
 *
 * @param category {@code category} (BucketCategory: 0 Invisible, 1 Item, 2 Currency, 3 Equippable, 4 Ignored)
 * @param bucketOrder {@code bucketOrder}, the game's own order
 * @param location {@code location} (BucketItemLocation: 1 Inventory, 2 Vault, 3 Vendor, 4 Postmaster)
 * @param itemCount {@code itemCount}, how many items fit
 */
public record BucketDefinition(long hash, String name, int category, int bucketOrder, int location, int itemCount,
		boolean hasTransferDestination) implements java.io.Serializable {
}
