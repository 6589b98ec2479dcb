package dev.tower.destiny.inventory;

import java.util.List;

/**
 * What the item window shows beyond the tile: the description, the stats as the game shows them, the perks and
 * mods by socket category, and the masterwork. A part Bungie did not send says why instead ({@code statsNote},
 * {@code socketsNote}), e.g. that the player's privacy settings hide it.
 *
 * @param masterwork the masterwork plug, or null when the item has none
 * @param masterworked the item's state says it is fully masterworked
 */
public record ItemDetails(String key, String name, String type, String tier, String description, int power,
		String damage, List<Stat> stats, String statsNote, List<SocketGroup> sockets, String socketsNote, Plug masterwork,
		boolean masterworked) {

	/**
	 * One stat: a bar of {@code value} out of {@code maximum}, or a number when {@code numeric}.
	 *
	 * @param masterworkBonus how much of {@code value} the masterwork adds
	 */
	public record Stat(long hash, String name, int value, int maximum, boolean numeric, int masterworkBonus) {
	}

	/** A socket category ("Weapon Perks") and the plugs in its sockets. */
	public record SocketGroup(String name, List<Plug> plugs) {
	}

	/** A plug: a perk, a mod or the masterwork, from its item definition. */
	public record Plug(long hash, String name, String type, String description, String icon, boolean enabled) {
	}

}
