package dev.tower.destiny.manifest;

import java.util.Map;

/**
 * A manifest as its source offers it now.
 *
 * @param versionKey what tells versions apart: the English item table's path (or {@code demo-…} for the bundled one)
 * @param bungieVersion Bungie's own version string, for people; null when there is none
 * @param paths where each table Tower keeps is read from
 */
record ManifestRelease(String versionKey, String bungieVersion, ManifestSource.Kind source,
		Map<ManifestTable, String> paths) {
}
