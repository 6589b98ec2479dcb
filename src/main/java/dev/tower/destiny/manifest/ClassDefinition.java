package dev.tower.destiny.manifest;

/** A {@code DestinyClassDefinition}: Titan, Hunter or Warlock ({@code classType} 0, 1, 2). */
public record ClassDefinition(long hash, String name, int classType) implements java.io.Serializable {
}
