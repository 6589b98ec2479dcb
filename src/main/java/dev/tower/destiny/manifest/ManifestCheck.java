package dev.tower.destiny.manifest;

import java.time.Duration;

/**
 * What a manifest check did.
 *
 * @param previous the version serving before the check, or null
 * @param current the version serving after it, or null
 * @param rows definitions stored (0 when nothing was downloaded)
 * @param bytes uncompressed bytes read
 */
public record ManifestCheck(Outcome outcome, String previous, String current, long rows, long bytes,
		Duration took) {

	public enum Outcome {

		/** The source offers the version already serving: nothing downloaded. */
		UNCHANGED,
		/** A new version was downloaded and now serves. */
		UPDATED,
		/** Another process is updating the manifest right now. */
		BUSY

	}

	/** One line for the job's result and the command's output. */
	public String summary() {
		return switch (outcome) {
			case UNCHANGED -> "The manifest is current: " + current + ".";
			case BUSY -> "Another manifest update is running; nothing done.";
			case UPDATED -> "Manifest %s installed%s: %,d definitions, %.1f MB in %.1f s (%,.0f definitions/s)."
				.formatted(current, previous == null ? "" : " (was " + previous + ")", rows, bytes / 1e6,
						took.toMillis() / 1000.0, took.isZero() ? 0.0 : rows * 1000.0 / Math.max(1, took.toMillis()));
		};
	}

}
