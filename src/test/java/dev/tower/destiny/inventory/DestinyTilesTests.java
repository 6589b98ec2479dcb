package dev.tower.destiny.inventory;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tower.destiny.bungie.Buckets;

/** Tiles are written from manifest text, which the page must never run. */
class DestinyTilesTests {

	/** A board without characters: an item can only go to the vault. */
	final DestinyTiles tiles = new DestinyTiles(
			new Board("Guardian", true, List.of(), List.of(), List.of(), 0, 700, 0, true, Map.of(), List.of()));

	@Test
	void everyValueIsEscaped() {
		Item hostile = item("<script>alert(1)</script>", "\"onmouseover=\"alert(2)", "/icons/a.png");
		String html = tiles.html(hostile);
		assertThat(html).doesNotContain("<script>").doesNotContain("\"onmouseover")
			.contains("data-name=\"&lt;script&gt;alert(1)&lt;/script&gt;\"")
			.contains("<span class=\"tile-name\">&lt;script&gt;alert(1)&lt;/script&gt;</span>")
			.contains("data-type=\"&quot;onmouseover=&quot;alert(2)\"");
	}

	@Test
	void onlyPathsAndWebAddressesBecomeImages() {
		assertThat(tiles.html(item("A", "Sword", "javascript:alert(1)"))).doesNotContain("<img").contains("tile-glyph");
		assertThat(tiles.html(item("A", "Sword", "//evil.example/x.png"))).doesNotContain("<img");
		assertThat(tiles.html(item("A", "Sword", "https://www.bungie.net/common/a.jpg")))
			.contains("src=\"https://www.bungie.net/common/a.jpg\"");
	}

	@Test
	void aTileShowsPowerStateAndQuantity() {
		String html = tiles.html(List.of(item("Ace", "Hand Cannon", "/a.png")));
		assertThat(html).contains("class=\"tile tier-exotic is-equipped\"").contains("data-item=\"6917529901234567891\"")
			.contains("bi-lock-fill").contains("<span>2010</span>")
			.contains("title=\"Ace · Exotic Hand Cannon · 2010 Power · Solar\"")
			.contains("data-moves=\"to:vault\"");
	}

	static Item item(String name, String type, String icon) {
		return new Item("6917529901234567891", "6917529901234567891", 1L, name, icon, type, Tier.EXOTIC, Buckets.KINETIC,
				"Kinetic Weapons", 2010, "Solar", null, true, false, true, 1, 1, 3, "2305843009301234561", false, false,
				true, true);
	}

}
