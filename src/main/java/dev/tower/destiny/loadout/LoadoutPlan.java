package dev.tower.destiny.loadout;

import java.util.List;

import dev.tower.destiny.inventory.CharacterView;
import dev.tower.destiny.inventory.ItemMoves;

/**
 * The moves that put a loadout on a character, in the order they run, and the loadout's items that will not be
 * moved (gone from the inventory, at the postmaster) with the reason.
 */
record LoadoutPlan(Loadout loadout, CharacterView target, List<Step> steps, List<Left> left) {

	LoadoutPlan {
		steps = List.copyOf(steps);
		left = List.copyOf(left);
	}

	/**
	 * One item's hops. {@code makesRoom}: the item is not the loadout's; it goes to the vault to free a place on the
	 * character.
	 */
	record Step(ItemMoves.Plan plan, boolean makesRoom) {

		String name() {
			return plan.item().name();
		}

	}

	/** A loadout item the plan leaves where it is. */
	record Left(String name, String reason) {
	}

	int hops() {
		return steps.stream().mapToInt(s -> s.plan().hops().size()).sum();
	}

}
