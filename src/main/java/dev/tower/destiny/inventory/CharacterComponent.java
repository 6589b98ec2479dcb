package dev.tower.destiny.inventory;

import java.time.Instant;

/**
 * A {@code DestinyCharacterComponent} (component 200). {@code classType} 0 Titan, 1 Hunter, 2 Warlock;
 * {@code raceType} 0 Human, 1 Awoken, 2 Exo; {@code genderType} 0 Male, 1 Female. Emblem paths are under
 * Bungie.net.
 */
record CharacterComponent(String characterId, int classType, long classHash, int light, String emblemPath,
		String emblemBackgroundPath, int raceType, int genderType, Instant dateLastPlayed) {
}
