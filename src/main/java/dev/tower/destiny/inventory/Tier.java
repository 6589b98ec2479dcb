package dev.tower.destiny.inventory;

/** An item's rarity ({@code inventory.tierType}), which sets its colour on the board. */
enum Tier {

	EXOTIC, LEGENDARY, RARE, COMMON, BASIC, UNKNOWN;

	/** From Bungie's TierType: 6 Exotic, 5 Superior (shown as Legendary), 4 Rare, 3 Common, 2 Basic, 1 Currency. */
	static Tier of(int tierType) {
		return switch (tierType) {
			case 6 -> EXOTIC;
			case 5 -> LEGENDARY;
			case 4 -> RARE;
			case 3 -> COMMON;
			case 1, 2 -> BASIC;
			default -> UNKNOWN;
		};
	}

	String css() {
		return "tier-" + name().toLowerCase(java.util.Locale.ROOT);
	}

	String label() {
		return this == UNKNOWN ? "Classified" : name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
	}

}
