package dev.tower.destiny.manifest;

/** A {@code DestinyStatDefinition}, e.g. Power, Mobility. */
public record StatDefinition(long hash, String name, String icon) implements java.io.Serializable {
}
