package dev.tower.destiny.manifest;

/**
 * The parts of a {@code DestinyInventoryItemDefinition} the pages show. Hashes are unsigned 32-bit, held in a long.
 *
 * @param name {@code displayProperties.name}
 * @param icon {@code displayProperties.icon}, a path under Bungie.net, or null
 * @param itemTypeDisplayName e.g. "Auto Rifle"
 * @param tierTypeName {@code inventory.tierTypeName}, e.g. "Legendary"
 * @param tierType {@code inventory.tierType} (TierType enum: 6 Exotic, 5 Superior/Legendary …)
 * @param bucketHash {@code inventory.bucketTypeHash}: where the item goes when equipped or carried
 * @param classType 0 Titan, 1 Hunter, 2 Warlock, 3 any
 * @param defaultDamageTypeHash for weapons, or 0
 * @param redacted true when Bungie hides the definition ("Classified")
 * @param equippable whether it can be equipped
 * @param maxStackSize {@code inventory.maxStackSize}
 * @param nonTransferrable {@code nonTransferrable}
 */
public record ItemDefinition(long hash, String name, String icon, String itemTypeDisplayName, String tierTypeName,
		int tierType, long bucketHash, int classType, long defaultDamageTypeHash, boolean redacted, boolean equippable,
		int maxStackSize, boolean nonTransferrable) implements java.io.Serializable {
}
