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

	/**
	 * From a definition that may lack its tier: {@code tierType}, else {@code tierTypeName}, else Basic (the
	 * game's tier for items without one). Unknown stays for Classified items only.
	 */
	static Tier of(int tierType, String tierTypeName) {
		Tier tier = of(tierType);
		if (tier != UNKNOWN) {
			return tier;
		}
		if (tierTypeName != null) {
			for (Tier named : values()) {
				if (named != UNKNOWN && named.label().equalsIgnoreCase(tierTypeName.strip())) {
					return named;
				}
			}
			if (tierTypeName.strip().equalsIgnoreCase("Superior")) {
				return LEGENDARY;
			}
		}
		return BASIC;
	}

	String css() {
		return "tier-" + name().toLowerCase(java.util.Locale.ROOT);
	}

	String label() {
		return this == UNKNOWN ? "Classified" : name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
	}

}
