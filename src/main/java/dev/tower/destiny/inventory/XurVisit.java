package dev.tower.destiny.inventory;

import java.time.Instant;
import java.util.List;

/**
 * Xûr this week: his wares while he is here (Friday's reset to Tuesday's), otherwise when he comes back.
 *
 * @param location where he is while here, or null when Bungie or the manifest does not say
 * @param leaves when his inventory refreshes ({@code nextRefreshDate}), or null
 * @param arrives the next Friday reset, 17:00 UTC
 */
public record XurVisit(boolean present, String name, String subtitle, String icon, Location location,
		List<Sale> sales, Instant leaves, Instant arrives) {

	/** A destination ("The Tower") and its place ("The Last City"), or null when the manifest has none. */
	public record Location(String destination, String place) {

		/** "The Tower, The Last City"; the destination alone when the place adds nothing. */
		public String label() {
			return place == null || place.isBlank() || place.equals(destination) ? destination
					: destination + ", " + place;
		}

	}

	/** One item he sells, decoded, and what it costs. */
	public record Sale(Item item, List<Cost> costs) {
	}

	/** {@code quantity} of a currency. */
	public record Cost(String name, int quantity) {
	}

}
