package dev.tower.destiny.inventory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.tower.destiny.bungie.Buckets;

/**
 * A small board built by hand, for models that plan on a board (loadouts): a Titan, a Hunter and a Warlock, the
 * vault, and the weapons and armour a test puts where it says.
 */
public final class TestBoard {

	public static final String TITAN = "2305843009301234561";

	public static final String HUNTER = "2305843009301234562";

	public static final String WARLOCK = "2305843009301234563";

	private static final List<Long> SLOTS = List.of(Buckets.KINETIC, Buckets.ENERGY, Buckets.POWER, Buckets.HELMET,
			Buckets.GAUNTLETS, Buckets.CHEST, Buckets.LEGS, Buckets.CLASS_ITEM);

	private final List<Item> items = new ArrayList<>();

	private int vaultCapacity = 700;

	private int otherVaultItems;

	/**
	 * A legendary for any class, power 1800, transferable.
	 * @param owner "vault" or a character id
	 */
	public Item add(String instanceId, String name, long bucketHash, String owner, boolean equipped) {
		return add(instanceId, name, bucketHash, owner, equipped, 3, false, 1800);
	}

	public Item add(String instanceId, String name, long bucketHash, String owner, boolean equipped, int classType,
			boolean exotic, int power) {
		Item item = new Item(instanceId, instanceId, 1000L + items.size(), name, null, "Auto Rifle",
				exotic ? Tier.EXOTIC : Tier.LEGENDARY, bucketHash, "Bucket", power, null, null, false, false, equipped, 1,
				1, classType, owner, false, false, true, true);
		items.add(item);
		return item;
	}

	/** The vault holds {@code count} items besides those added, of {@code capacity}. */
	public TestBoard vault(int count, int capacity) {
		this.otherVaultItems = count - (int) items.stream().filter(Item::inVault).count();
		this.vaultCapacity = capacity;
		return this;
	}

	public Board board() {
		List<CharacterView> characters = List.of(character(TITAN, "Titan", 0), character(HUNTER, "Hunter", 1),
				character(WARLOCK, "Warlock", 2));
		List<Item> vaulted = items.stream().filter(Item::inVault).toList();
		List<BucketGroup> vault = List.of(new BucketGroup(Buckets.KINETIC, "Weapons", "weapons", vaulted));
		Map<String, Item> index = new HashMap<>();
		items.forEach(i -> index.put(i.key(), i));
		int vaultCount = vaulted.size() + Math.max(0, otherVaultItems);
		return new Board("Test Guardian", true, characters, vault, List.of(), vaultCount, vaultCapacity, 0, true, index, List.of());
	}

	private CharacterView character(String id, String className, int classType) {
		List<Slot> slots = new ArrayList<>();
		for (long bucket : SLOTS) {
			Item equipped = items.stream()
				.filter(i -> i.owner().equals(id) && i.bucketHash() == bucket && i.equipped())
				.findFirst()
				.orElse(null);
			List<Item> carried = items.stream()
				.filter(i -> i.owner().equals(id) && i.bucketHash() == bucket && !i.equipped())
				.toList();
			slots.add(new Slot(bucket, "Bucket", Buckets.section(bucket), equipped, carried));
		}
		return new CharacterView(id, className, classType, 1800, "Human", "Male", null, null, null, slots, List.of(),
				List.of());
	}

}
