package dev.tower.destiny.manifest;

import java.io.InputStream;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import dev.tower.destiny.bungie.BungieClient;
import dev.tower.destiny.bungie.BungieEndpoints;

/** {@code GET /Platform/Destiny2/Manifest/} and the English tables under {@code jsonWorldComponentContentPaths}. */
@Component
class BungieManifestSource implements ManifestSource {

	private final BungieClient bungie;

	BungieManifestSource(BungieClient bungie) {
		this.bungie = bungie;
	}

	@Override
	public ManifestRelease latest() {
		JsonNode manifest = bungie.get(BungieEndpoints.MANIFEST.path(), null);
		JsonNode english = manifest.path("jsonWorldComponentContentPaths").path("en");
		Map<ManifestTable, String> paths = new EnumMap<>(ManifestTable.class);
		for (ManifestTable table : ManifestTable.values()) {
			JsonNode path = english.path(table.bungieName());
			if (!path.isString() || path.asString().isBlank()) {
				throw new MalformedManifestException(
						"Bungie's manifest names no English path for " + table.bungieName());
			}
			paths.put(table, path.asString());
		}
		String version = manifest.path("version").isString() ? manifest.path("version").asString() : null;
		return new ManifestRelease(paths.get(ManifestTable.ITEMS), version, Kind.BUNGIE, paths);
	}

	@Override
	public InputStream open(ManifestRelease release, ManifestTable table) {
		return bungie.content(release.paths().get(table));
	}

}
