package dev.tower.destiny.manifest;

/**
 * A {@code DestinyDestinationDefinition} ("The Tower") with the name of its place ({@code placeHash}'s
 * {@code DestinyPlaceDefinition}, "The Last City"), or a null place when the manifest does not name it.
 */
public record DestinationDefinition(long hash, String name, String place) implements java.io.Serializable {
}
