package dev.tower.destiny.manifest;

/** A {@code DestinyVendorDefinition}: Xûr is 2190858386. */
public record VendorDefinition(long hash, String name, String subtitle, String icon) implements java.io.Serializable {
}
