package dev.tower.destiny.manifest;

/** A {@code DestinySocketCategoryDefinition}: the name of a group of an item's sockets ("WEAPON PERKS", "ARMOR MODS"). */
public record SocketCategoryDefinition(long hash, String name) implements java.io.Serializable {
}
