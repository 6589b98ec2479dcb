package dev.tower.destiny.inventory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.tower.destiny.bungie.Buckets;
import dev.tower.destiny.manifest.BucketDefinition;
import dev.tower.destiny.manifest.DamageTypeDefinition;
import dev.tower.destiny.manifest.Definitions;
import dev.tower.destiny.manifest.ItemDefinition;

/**
 * Turns a {@link Profile} into a {@link Board} through the manifest: names, icons, tiers, buckets in the game's
 * order. An item the manifest does not know, or whose definition is redacted, is kept as Classified (and an unknown
 * hash is reported to {@link Definitions#unknownItem} so a newer manifest can be fetched).
 */
final class InventoryDecoder {

	static final String CLASSIFIED = "Classified";

	private static final int DEFAULT_VAULT_CAPACITY = 700;

	private final Definitions definitions;

	private final String iconBase;

	private final Map<Long, Optional<ItemDefinition>> items = new HashMap<>();

	private final Map<Long, Optional<BucketDefinition>> buckets = new HashMap<>();

	private final Map<Long, Optional<DamageTypeDefinition>> damageTypes = new HashMap<>();

	private final java.util.Set<String> stackKeys = new java.util.HashSet<>();

	/**
	 * @param iconBase prefix for icon paths: Bungie.net's base URL, or empty when the icons are Tower's own (demo)
	 */
	InventoryDecoder(Definitions definitions, String iconBase) {
		this.definitions = definitions;
		this.iconBase = iconBase;
	}

	Board decode(Profile profile, boolean demo) {
		prefetch(profile);
		List<CharacterView> characters = profile.characters().stream().map(c -> character(profile, c)).toList();
		List<Item> vault = new ArrayList<>();
		List<Item> account = new ArrayList<>();
		for (ItemComponent component : profile.profileItems()) {
			if (component.bucketHash() == Buckets.VAULT) {
				vault.add(item(component, Item.VAULT));
			}
			else {
				account.add(item(component, Item.ACCOUNT));
			}
		}
		List<BucketGroup> vaultGroups = group(vault);
		List<BucketGroup> accountGroups = group(account);
		int capacity = bucket(Buckets.VAULT).map(BucketDefinition::itemCount)
			.filter(count -> count > 0)
			.orElse(DEFAULT_VAULT_CAPACITY);
		Map<String, Item> index = Board.index(characters, vaultGroups, accountGroups);
		int classified = (int) index.values().stream().filter(Item::classified).count();
		return new Board(profile.displayName() == null ? "Guardian" : profile.displayName(), demo, characters,
				vaultGroups, accountGroups, (int) profile.vaultCount(), capacity, classified,
				definitions.version().isPresent(), index, profile.hidden());
	}

	/** One bulk lookup for every item hash on the board, rather than hundreds of single ones. */
	private void prefetch(Profile profile) {
		java.util.Set<Long> hashes = new java.util.HashSet<>();
		profile.profileItems().forEach(i -> hashes.add(i.itemHash()));
		profile.inventories().values().forEach(list -> list.forEach(i -> hashes.add(i.itemHash())));
		profile.equipment().values().forEach(list -> list.forEach(i -> hashes.add(i.itemHash())));
		hashes.removeAll(items.keySet());
		if (hashes.isEmpty()) {
			return;
		}
		Map<Long, ItemDefinition> found = definitions.items(hashes);
		for (Long hash : hashes) {
			items.put(hash, Optional.ofNullable(found.get(hash)));
		}
	}

	private CharacterView character(Profile profile, CharacterComponent character) {
		String id = character.characterId();
		Map<Long, Item> equipped = new HashMap<>();
		for (ItemComponent component : profile.equipment(id)) {
			Item item = item(component, id);
			equipped.put(item.bucketHash(), item);
		}
		List<Item> carried = new ArrayList<>();
		List<Item> postmaster = new ArrayList<>();
		for (ItemComponent component : profile.inventory(id)) {
			Item item = item(component, id);
			(item.postmaster() ? postmaster : carried).add(item);
		}
		Map<Long, List<Item>> carriedByBucket = byBucket(carried);
		List<Slot> slots = new ArrayList<>();
		for (Long bucketHash : sortedBuckets(union(equipped.keySet(), carriedByBucket.keySet()))) {
			boolean equippable = equipped.containsKey(bucketHash)
					|| bucket(bucketHash).map(b -> b.category() == 3).orElse(false);
			if (equippable) {
				slots.add(new Slot(bucketHash, bucketName(bucketHash), Buckets.section(bucketHash),
						equipped.get(bucketHash), carriedByBucket.getOrDefault(bucketHash, List.of())));
				carriedByBucket.remove(bucketHash);
			}
		}
		List<BucketGroup> other = group(carriedByBucket.values().stream().flatMap(List::stream).toList());
		String className = definitions.characterClass(character.classHash())
			.map(c -> c.name())
			.filter(name -> !name.isBlank())
			.orElse(Guardians.className(character.classType()));
		return new CharacterView(id, className, character.classType(), character.light(),
				Guardians.raceName(character.raceType()), Guardians.genderName(character.genderType()),
				url(character.emblemPath()), url(character.emblemBackgroundPath()), character.dateLastPlayed(), slots,
				other, postmaster);
	}

	Item item(ItemComponent component, String owner) {
		Optional<ItemDefinition> found = items.computeIfAbsent(component.itemHash(), definitions::item);
		boolean postmaster = component.bucketHash() == Buckets.POSTMASTER || component.location() == 4;
		String key = component.instanceId() != null ? component.instanceId()
				: unique(owner + (postmaster ? ":postmaster:" : ":") + component.itemHash());
		if (found.isEmpty()) {
			definitions.unknownItem(component.itemHash());
		}
		if (found.isEmpty() || found.get().redacted()) {
			return new Item(key, component.instanceId(), component.itemHash(), CLASSIFIED, null, CLASSIFIED, Tier.UNKNOWN,
					Buckets.CLASSIFIED, CLASSIFIED, component.power(), null, null, component.locked(),
					component.masterwork(), component.equipped(), component.quantity(), 1, 3, owner, postmaster, true, false,
					(component.transferStatus() & 2) == 0);
		}
		ItemDefinition definition = found.get();
		Optional<DamageTypeDefinition> damage = component.damageTypeHash() != 0 ? damageType(component.damageTypeHash())
				: definition.defaultDamageTypeHash() != 0 ? damageType(definition.defaultDamageTypeHash())
						: Optional.empty();
		long bucketHash = definition.bucketHash() != 0 ? definition.bucketHash() : component.bucketHash();
		return new Item(key, component.instanceId(), component.itemHash(),
				definition.name() == null || definition.name().isBlank() ? CLASSIFIED : definition.name(),
				url(definition.icon()), blankTo(definition.itemTypeDisplayName(), ""),
				Tier.of(definition.tierType(), definition.tierTypeName()),
				bucketHash, bucketName(bucketHash), component.power(), damage.map(DamageTypeDefinition::name).orElse(null),
				damage.map(DamageTypeDefinition::icon).map(this::url).orElse(null), component.locked(),
				component.masterwork(), component.equipped(), component.quantity(), Math.max(1, definition.maxStackSize()),
				definition.classType(), owner, postmaster, false, definition.equippable(),
				!definition.nonTransferrable() && (component.transferStatus() & 2) == 0);
	}

	/** A second stack of the same item in one place (the vault, the postmaster) gets its own key: {@code …#2}. */
	private String unique(String key) {
		String unique = key;
		for (int n = 2; !stackKeys.add(unique); n++) {
			unique = key + "#" + n;
		}
		return unique;
	}

	private List<BucketGroup> group(List<Item> items) {
		Map<Long, List<Item>> byBucket = byBucket(items);
		List<BucketGroup> groups = new ArrayList<>(byBucket.size());
		for (Long bucketHash : sortedBuckets(byBucket.keySet())) {
			groups.add(new BucketGroup(bucketHash, bucketName(bucketHash), Buckets.section(bucketHash),
					byBucket.get(bucketHash)));
		}
		return groups;
	}

	/** Within a bucket: exotics first, then by power, then by name; the game's own sort is close to this. */
	private static final Comparator<Item> ITEM_ORDER = Comparator.comparing(Item::tier)
		.thenComparing(Comparator.comparingInt(Item::power).reversed())
		.thenComparing(Item::name)
		.thenComparing(Item::key);

	private static Map<Long, List<Item>> byBucket(List<Item> items) {
		Map<Long, List<Item>> byBucket = new LinkedHashMap<>();
		for (Item item : items) {
			byBucket.computeIfAbsent(item.bucketHash(), h -> new ArrayList<>()).add(item);
		}
		byBucket.values().forEach(list -> list.sort(ITEM_ORDER));
		return byBucket;
	}

	private List<Long> sortedBuckets(java.util.Collection<Long> hashes) {
		List<Long> sorted = new ArrayList<>(hashes);
		sorted.sort(Comparator.<Long>comparingLong(
				hash -> Buckets.rank(hash, bucket(hash).map(BucketDefinition::bucketOrder).orElse(Integer.MAX_VALUE / 2)))
			.thenComparing(Comparator.naturalOrder()));
		return sorted;
	}

	private static <T> java.util.Set<T> union(java.util.Set<T> a, java.util.Set<T> b) {
		java.util.Set<T> all = new java.util.HashSet<>(a);
		all.addAll(b);
		return all;
	}

	private String bucketName(long hash) {
		if (hash == Buckets.CLASSIFIED) {
			return CLASSIFIED;
		}
		// a bucket no definition names (a newer game build) still gets its own group
		return bucket(hash).map(BucketDefinition::name)
			.filter(n -> n != null && !n.isBlank())
			.orElse("Unknown bucket " + hash);
	}

	private Optional<BucketDefinition> bucket(long hash) {
		return buckets.computeIfAbsent(hash, definitions::bucket);
	}

	private Optional<DamageTypeDefinition> damageType(long hash) {
		return damageTypes.computeIfAbsent(hash, definitions::damageType);
	}

	private String url(String path) {
		if (path == null || path.isBlank()) {
			return null;
		}
		return path.startsWith("http://") || path.startsWith("https://") ? path : iconBase + path;
	}

	private static String blankTo(String value, String fallback) {
		return value == null || value.isBlank() ? fallback : value;
	}

}
