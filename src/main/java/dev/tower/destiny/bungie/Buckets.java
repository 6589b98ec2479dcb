package dev.tower.destiny.bungie;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Bungie's well-known inventory bucket hashes (stable across manifest versions; Destiny Item Manager relies on the
 * same constants), and the order the game shows them in.
 */
public final class Buckets {

	public static final long KINETIC = 1498876634L;

	public static final long ENERGY = 2465295065L;

	public static final long POWER = 953998645L;

	public static final long HELMET = 3448274439L;

	public static final long GAUNTLETS = 3551918588L;

	public static final long CHEST = 14239492L;

	public static final long LEGS = 20886954L;

	public static final long CLASS_ITEM = 1585787867L;

	public static final long GHOST = 4023194814L;

	public static final long VEHICLE = 2025709351L;

	public static final long SHIPS = 284967655L;

	public static final long EMBLEMS = 4274335291L;

	public static final long CONSUMABLES = 1469714392L;

	public static final long MODIFICATIONS = 3313201758L;

	public static final long VAULT = 138197802L;

	public static final long POSTMASTER = 215593132L;

	/** Where items with no known bucket go: never dropped. */
	public static final long CLASSIFIED = 0L;

	private static final List<Long> GAME_ORDER = List.of(KINETIC, ENERGY, POWER, HELMET, GAUNTLETS, CHEST, LEGS,
			CLASS_ITEM, GHOST, VEHICLE, SHIPS, EMBLEMS, CONSUMABLES, MODIFICATIONS);

	private static final Map<Long, Integer> RANK = IntStream.range(0, GAME_ORDER.size())
		.boxed()
		.collect(Collectors.toUnmodifiableMap(GAME_ORDER::get, i -> i));

	private static final List<Long> WEAPONS = List.of(KINETIC, ENERGY, POWER);

	private static final List<Long> ARMOUR = List.of(HELMET, GAUNTLETS, CHEST, LEGS, CLASS_ITEM);

	private Buckets() {
	}

	/**
	 * Sort key: the well-known buckets first in the game's order, then any other bucket by its own
	 * {@code bucketOrder}, Classified last.
	 */
	public static long rank(long bucketHash, int bucketOrder) {
		if (bucketHash == CLASSIFIED) {
			return Long.MAX_VALUE;
		}
		Integer known = RANK.get(bucketHash);
		return known != null ? known : GAME_ORDER.size() + (long) Math.max(bucketOrder, 0);
	}

	public static boolean weapon(long bucketHash) {
		return WEAPONS.contains(bucketHash);
	}

	public static boolean armour(long bucketHash) {
		return ARMOUR.contains(bucketHash);
	}

	/** The tab a bucket belongs to, for filtering and headings. */
	public static String section(long bucketHash) {
		if (weapon(bucketHash)) {
			return "weapons";
		}
		if (armour(bucketHash)) {
			return "armour";
		}
		return bucketHash == CLASSIFIED ? "classified" : "general";
	}

}
