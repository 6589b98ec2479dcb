package dev.tower.destiny.inventory;

import java.util.List;

/** Items of one bucket ("Kinetic Weapons", "Helmet" … or "Classified"), in the board's order. */
public record BucketGroup(long hash, String name, String section, List<Item> items) {

	public String id() {
		return "bucket-" + hash;
	}

	public int size() {
		return items.size();
	}

}
