package dev.tower.destiny.inventory;

import java.time.Instant;
import java.util.List;

/**
 * Xûr this week: his wares while he is here (Friday's reset to Tuesday's), otherwise when he comes back.
 *
 * @param leaves when his inventory refreshes ({@code nextRefreshDate}), or null
 * @param arrives the next Friday reset, 17:00 UTC
 */
public record XurVisit(boolean present, String name, String subtitle, String icon, List<Sale> sales, Instant leaves,
		Instant arrives) {

	/** One item he sells, decoded, and what it costs. */
	public record Sale(Item item, List<Cost> costs) {
	}

	/** {@code quantity} of a currency. */
	public record Cost(String name, int quantity) {
	}

}
