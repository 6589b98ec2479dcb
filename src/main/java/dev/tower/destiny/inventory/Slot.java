package dev.tower.destiny.inventory;

import java.util.List;

/** One equippable bucket of a character: what is equipped there (or null) and what else it carries for it. */
public record Slot(long hash, String name, String section, Item equipped, List<Item> carried) {

	public String id() {
		return "bucket-" + hash;
	}

}
