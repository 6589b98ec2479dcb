package dev.tower.destiny.manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * A {@code DestinyVendorDefinition}: Xûr is 2190858386.
 *
 * @param locations the destination hash of each of its {@code locations}, in order: the vendor component's
 * {@code vendorLocationIndex} points into them
 */
public record VendorDefinition(long hash, String name, String subtitle, String icon, List<Long> locations)
		implements java.io.Serializable {

	public VendorDefinition {
		locations = List.copyOf(locations);
	}

	/** Its columns and the destinations of its full definition. */
	public static VendorDefinition of(long hash, String name, String subtitle, String icon, JsonNode definition) {
		List<Long> locations = new ArrayList<>();
		for (JsonNode location : definition.path("locations").values()) {
			locations.add(ManifestTable.hash(location.path("destinationHash")));
		}
		return new VendorDefinition(hash, name, subtitle, icon, locations);
	}

	/** The destination at {@code vendorLocationIndex}; empty for -1 ("no known location") or an index it lacks. */
	public Optional<Long> destination(int locationIndex) {
		return locationIndex >= 0 && locationIndex < locations.size() && locations.get(locationIndex) != 0
				? Optional.of(locations.get(locationIndex)) : Optional.empty();
	}

}
