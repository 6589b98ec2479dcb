package dev.tower.destiny.inventory;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

import dev.tower.destiny.bungie.Buckets;
import dev.tower.destiny.bungie.BungieException;
import dev.tower.destiny.bungie.WeeklyReset;
import dev.tower.destiny.manifest.Definitions;
import dev.tower.destiny.manifest.VendorDefinition;

/**
 * Xûr, Agent of the Nine (vendor 2190858386), asked through the character vendor endpoint. While he is away Bungie
 * answers {@code DestinyVendorNotFound}: that is "not here", not an error.
 */
@Service
class Xur {

	static final long VENDOR_HASH = 2190858386L;

	static final String NOT_HERE = "DestinyVendorNotFound";

	private final DestinyApi api;

	private final Inventories inventories;

	private final Definitions definitions;

	private final Clock clock;

	@Autowired
	Xur(DestinyApi api, Inventories inventories, Definitions definitions) {
		this(api, inventories, definitions, Clock.systemUTC());
	}

	Xur(DestinyApi api, Inventories inventories, Definitions definitions, Clock clock) {
		this.api = api;
		this.inventories = inventories;
		this.definitions = definitions;
		this.clock = clock;
	}

	XurVisit visit(Guardian guardian, Board board) {
		VendorDefinition vendor = definitions.vendor(VENDOR_HASH)
			.orElse(new VendorDefinition(VENDOR_HASH, "Xûr", "Agent of the Nine", null, List.of()));
		Instant arrives = nextArrival(clock.instant());
		if (board.characters().isEmpty()) {
			return new XurVisit(false, vendor.name(), vendor.subtitle(), null, null, List.of(), null, arrives);
		}
		JsonNode response;
		try {
			response = api.vendor(guardian, board.characters().get(0).id(), VENDOR_HASH);
		}
		catch (BungieException ex) {
			if (ex.kind() == BungieException.Kind.REFUSED && NOT_HERE.equals(ex.errorStatus())) {
				return new XurVisit(false, vendor.name(), vendor.subtitle(), null, null, List.of(), null, arrives);
			}
			throw ex;
		}
		JsonNode component = response.path("vendor").path("data");
		if (!component.path("enabled").asBoolean(true)) {
			return new XurVisit(false, vendor.name(), vendor.subtitle(), null, null, List.of(), null, arrives);
		}
		InventoryDecoder decoder = inventories.decoder();
		List<XurVisit.Sale> sales = new ArrayList<>();
		for (JsonNode sale : response.path("sales").path("data").values()) {
			ItemComponent component0 = new ItemComponent(ProfileReader.hash(sale.path("itemHash")), null,
					Math.max(1, sale.path("quantity").asInt(1)), 0, 3, 0, 0, false, 0, 0, false, false);
			Item item = decoder.item(component0, "xur:" + sale.path("vendorItemIndex").asInt());
			List<XurVisit.Cost> costs = new ArrayList<>();
			for (JsonNode cost : sale.path("costs").values()) {
				long hash = ProfileReader.hash(cost.path("itemHash"));
				String name = definitions.item(hash).map(d -> d.name()).filter(n -> !n.isBlank()).orElse("Classified");
				costs.add(new XurVisit.Cost(name, cost.path("quantity").asInt(0)));
			}
			sales.add(new XurVisit.Sale(item, costs));
		}
		sales.sort(java.util.Comparator.comparing((XurVisit.Sale s) -> s.item().tier())
			.thenComparingLong(s -> Buckets.rank(s.item().bucketHash(), 0)));
		Instant leaves = instant(component.path("nextRefreshDate"));
		return new XurVisit(true, vendor.name(), vendor.subtitle(), null, location(vendor, component), sales, leaves,
				arrives);
	}

	/**
	 * Where the vendor component's {@code vendorLocationIndex} puts him among the definition's locations; null when
	 * it is -1 or missing (privacy), or the manifest lacks the location or its destination (an older manifest).
	 */
	private XurVisit.Location location(VendorDefinition vendor, JsonNode component) {
		JsonNode index = component.path("vendorLocationIndex");
		if (!index.isIntegralNumber()) {
			return null;
		}
		return vendor.destination(index.asInt())
			.flatMap(definitions::destination)
			.filter(destination -> destination.name() != null && !destination.name().isBlank())
			.map(destination -> new XurVisit.Location(destination.name(), destination.place()))
			.orElse(null);
	}

	/** The next Friday reset (17:00 UTC), now or later. */
	static Instant nextArrival(Instant now) {
		return WeeklyReset.nextArrival(now);
	}

	private static Instant instant(JsonNode node) {
		try {
			return node.isString() ? Instant.parse(node.asString()) : null;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
