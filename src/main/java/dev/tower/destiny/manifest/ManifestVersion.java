package dev.tower.destiny.manifest;

import java.time.Instant;

/**
 * One downloaded (or attempted) manifest version.
 *
 * @param versionKey the English item table's path, or {@code demo-…}
 * @param state DOWNLOADING while its rows go in, ACTIVE while it serves, RETIRED once replaced, FAILED when its
 * download broke off (its rows are removed)
 */
public record ManifestVersion(long id, String versionKey, String bungieVersion, String source, State state,
		String reason, long rows, long bytes, Instant startedAt, Instant activatedAt, Instant retiredAt,
		Instant failedAt) {

	public enum State {

		DOWNLOADING, ACTIVE, RETIRED, FAILED

	}

}
