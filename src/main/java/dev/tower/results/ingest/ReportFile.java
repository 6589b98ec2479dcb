package dev.tower.results.ingest;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A result file about to be ingested: where it lives here, what to record as its path, and its hash.
 *
 * @param local where to read it on this machine (for an upload, a temporary copy)
 * @param fullName the path recorded for it: the file's path on its host, or the name an upload gave
 * @param modified when it was written, a fallback for the run's start
 * @param gzip whether its content is gzip-compressed
 */
public record ReportFile(Path local, String fullName, long size, Instant modified, String sha256, boolean gzip) {

	String name() {
		int slash = Math.max(fullName.lastIndexOf('/'), fullName.lastIndexOf('\\'));
		return ResultStore.clip(fullName.substring(slash + 1), 255);
	}

	String directory() {
		int slash = Math.max(fullName.lastIndexOf('/'), fullName.lastIndexOf('\\'));
		return slash < 0 ? "" : fullName.substring(0, slash);
	}

	String type() {
		return gzip ? "junit-xml+gzip" : "junit-xml";
	}

}
