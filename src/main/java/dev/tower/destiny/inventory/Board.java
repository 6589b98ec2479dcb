package dev.tower.destiny.inventory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A player's whole inventory, decoded: characters, the vault by bucket, account-wide items, and the vault's
 * capacity. Built once per profile fetch and shared by the pages until the next one.
 */
public record Board(String displayName, boolean demo, List<CharacterView> characters, List<BucketGroup> vault,
		List<BucketGroup> account, int vaultCount, int vaultCapacity, int classifiedCount, boolean manifestLoaded,
		Map<String, Item> index, List<String> hidden) {

	public Board {
		hidden = List.copyOf(hidden);
		characters = List.copyOf(characters);
		vault = List.copyOf(vault);
		account = List.copyOf(account);
		index = Map.copyOf(index);
	}

	static Map<String, Item> index(List<CharacterView> characters, List<BucketGroup> vault,
			List<BucketGroup> account) {
		Map<String, Item> index = new HashMap<>();
		vault.forEach(g -> g.items().forEach(i -> index.put(i.key(), i)));
		account.forEach(g -> g.items().forEach(i -> index.put(i.key(), i)));
		for (CharacterView character : characters) {
			for (Slot slot : character.slots()) {
				if (slot.equipped() != null) {
					index.put(slot.equipped().key(), slot.equipped());
				}
				slot.carried().forEach(i -> index.put(i.key(), i));
			}
			character.other().forEach(g -> g.items().forEach(i -> index.put(i.key(), i)));
			character.postmaster().forEach(i -> index.put(i.key(), i));
		}
		return index;
	}

	/** "the vault and account-wide items and what the characters carry", or empty when nothing is hidden. */
	public String hiddenParts() {
		if (hidden.size() <= 1) {
			return String.join("", hidden);
		}
		return String.join(", ", hidden.subList(0, hidden.size() - 1)) + " and " + hidden.get(hidden.size() - 1);
	}

	/** The privacy settings hide the vault: its count means nothing. */
	public boolean vaultHidden() {
		return hidden.contains(ProfileReader.VAULT_HIDDEN);
	}

	public Optional<CharacterView> character(String id) {
		return characters.stream().filter(c -> c.id().equals(id)).findFirst();
	}

	public Optional<Item> item(String key) {
		return Optional.ofNullable(index.get(key));
	}

	public int itemCount() {
		return index.size();
	}

	public int vaultPercent() {
		return vaultCapacity <= 0 ? 0 : Math.min(100, Math.round(100f * vaultCount / vaultCapacity));
	}

	/** Tiles in the vault's groups (stacks count once). */
	public int vaultItems() {
		return vault.stream().mapToInt(BucketGroup::size).sum();
	}

	public int accountItems() {
		return account.stream().mapToInt(BucketGroup::size).sum();
	}

}
