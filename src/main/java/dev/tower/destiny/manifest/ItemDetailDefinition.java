package dev.tower.destiny.manifest;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * What the item window needs from a {@code DestinyInventoryItemDefinition} beyond {@link ItemDefinition}, read from
 * the full definition kept with each item: the description, the stat group, the socket categories, and for a plug
 * its category and the stats it adds. Every part may be missing from a real definition and then reads empty.
 *
 * @param description {@code displayProperties.description}, or empty
 * @param statGroupHash {@code stats.statGroupHash}, or 0
 * @param socketCategories {@code sockets.socketCategories}: which socket indexes each category groups
 * @param plugCategoryIdentifier {@code plug.plugCategoryIdentifier} for a plug ("barrels",
 *        "v400.plugs.weapons.masterworks.stat.handling"), or empty
 * @param investmentStats {@code investmentStats}: stat hash to what the plug adds
 */
public record ItemDetailDefinition(long hash, String description, long statGroupHash,
		List<SocketCategory> socketCategories, String plugCategoryIdentifier, Map<Long, Integer> investmentStats)
		implements Serializable {

	public ItemDetailDefinition {
		socketCategories = List.copyOf(socketCategories);
		investmentStats = Map.copyOf(investmentStats);
	}

	public record SocketCategory(long socketCategoryHash, List<Integer> socketIndexes) implements Serializable {

		public SocketCategory {
			socketIndexes = List.copyOf(socketIndexes);
		}

	}

	/** A masterwork plug: Bungie's plug categories for weapon and armour masterworks all say so. */
	public boolean masterwork() {
		return plugCategoryIdentifier.contains("masterwork");
	}

	public static ItemDetailDefinition of(long hash, JsonNode definition) {
		List<SocketCategory> categories = new ArrayList<>();
		for (JsonNode category : definition.path("sockets").path("socketCategories").values()) {
			List<Integer> indexes = new ArrayList<>();
			category.path("socketIndexes").values().forEach(index -> indexes.add(index.asInt()));
			categories.add(new SocketCategory(ManifestTable.hash(category.path("socketCategoryHash")), indexes));
		}
		Map<Long, Integer> investment = new LinkedHashMap<>();
		for (JsonNode stat : definition.path("investmentStats").values()) {
			investment.merge(ManifestTable.hash(stat.path("statTypeHash")), stat.path("value").asInt(0), Integer::sum);
		}
		JsonNode description = definition.path("displayProperties").path("description");
		JsonNode plugCategory = definition.path("plug").path("plugCategoryIdentifier");
		return new ItemDetailDefinition(hash, description.isString() ? description.asString() : "",
				ManifestTable.hash(definition.path("stats").path("statGroupHash")), categories,
				plugCategory.isString() ? plugCategory.asString() : "", investment);
	}

}
