package dev.tower.destiny.manifest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the admin page and {@code tower manifest status} show.
 *
 * @param active the version serving now, or null before the first manifest is in
 * @param checkedAt when a check last ran, and {@code checkResult} what it found
 * @param rows definitions of the active version per Bungie table name
 * @param history the most recent versions, newest first
 */
public record ManifestStatus(ManifestVersion active, Instant checkedAt, String checkResult, Map<String, Long> rows,
		List<ManifestVersion> history, String source) {
}
