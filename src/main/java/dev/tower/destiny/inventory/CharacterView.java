package dev.tower.destiny.inventory;

import java.time.Instant;
import java.util.List;

/**
 * A character as the board shows it: class, power, emblem, what it wears (slots in the game's order), what else it
 * carries, and its postmaster.
 */
public record CharacterView(String id, String className, int classType, int light, String race, String gender,
		String emblem, String emblemBackground, Instant lastPlayed, List<Slot> slots, List<BucketGroup> other,
		List<Item> postmaster) {

	public String title() {
		return className;
	}

	public String subtitle() {
		return race + " " + gender;
	}

	public int itemCount() {
		return slots.stream().mapToInt(s -> s.carried().size() + (s.equipped() == null ? 0 : 1)).sum()
				+ other.stream().mapToInt(BucketGroup::size).sum() + postmaster.size();
	}

}
