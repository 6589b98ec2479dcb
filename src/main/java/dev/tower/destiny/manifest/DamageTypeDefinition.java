package dev.tower.destiny.manifest;

/** A {@code DestinyDamageTypeDefinition}: Kinetic, Arc, Solar, Void, Stasis, Strand. */
public record DamageTypeDefinition(long hash, String name, String icon, int enumValue) implements java.io.Serializable {
}
