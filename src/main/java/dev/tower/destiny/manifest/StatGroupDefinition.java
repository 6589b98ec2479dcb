package dev.tower.destiny.manifest;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * A {@code DestinyStatGroupDefinition}: the stats an item of the group shows, in the game's order, and how. A stat
 * the item has but the group does not list (Aim Assistance, Zoom …) is one the game hides.
 */
public record StatGroupDefinition(long hash, List<ScaledStat> scaledStats) implements Serializable {

	public StatGroupDefinition {
		scaledStats = List.copyOf(scaledStats);
	}

	/**
	 * One of {@code scaledStats}.
	 *
	 * @param maximumValue the bar's full length
	 * @param displayAsNumeric shown as a number (Rounds Per Minute, Magazine) rather than a bar
	 */
	public record ScaledStat(long statHash, int maximumValue, boolean displayAsNumeric) implements Serializable {
	}

	public static StatGroupDefinition of(long hash, JsonNode definition) {
		List<ScaledStat> stats = new ArrayList<>();
		for (JsonNode stat : definition.path("scaledStats").values()) {
			stats.add(new ScaledStat(ManifestTable.hash(stat.path("statHash")), stat.path("maximumValue").asInt(100),
					stat.path("displayAsNumeric").asBoolean(false)));
		}
		return new StatGroupDefinition(hash, stats);
	}

}
