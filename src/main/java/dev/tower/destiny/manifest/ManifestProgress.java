package dev.tower.destiny.manifest;

/** Hears how far a manifest update got. */
@FunctionalInterface
public interface ManifestProgress {

	ManifestProgress NONE = (bytes, estimatedBytes, tables, totalTables) -> {
	};

	/**
	 * @param bytes read so far (uncompressed)
	 * @param estimatedBytes how many there will be, from the previous version's size; 0 when unknown
	 * @param tables tables finished, of {@code totalTables}
	 */
	void advanced(long bytes, long estimatedBytes, int tables, int totalTables);

}
