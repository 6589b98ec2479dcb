package dev.tower.destiny.inventory;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.tower.destiny.bungie.Buckets;

/**
 * A player's profile as read from one {@code GetProfile} call: characters (most recently played first), the
 * profile inventory (vault and account-wide items), and each character's inventory (postmaster included) and
 * equipment. {@code hidden} names what the player's privacy settings kept out of the answer ("the vault").
 */
record Profile(String displayName, List<CharacterComponent> characters, List<ItemComponent> profileItems,
		Map<String, List<ItemComponent>> inventories, Map<String, List<ItemComponent>> equipment, List<String> hidden) {

	Optional<CharacterComponent> character(String characterId) {
		return characters.stream().filter(c -> c.characterId().equals(characterId)).findFirst();
	}

	List<ItemComponent> inventory(String characterId) {
		return inventories.getOrDefault(characterId, List.of());
	}

	List<ItemComponent> equipment(String characterId) {
		return equipment.getOrDefault(characterId, List.of());
	}

	long vaultCount() {
		return profileItems.stream().filter(i -> i.bucketHash() == Buckets.VAULT).count();
	}

}
