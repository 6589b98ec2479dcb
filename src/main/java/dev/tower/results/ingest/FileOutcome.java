package dev.tower.results.ingest;

import dev.tower.results.report.CaseCounts;

/**
 * What became of one result file.
 *
 * @param fileId the stored file's id (for a duplicate, the earlier copy's), or null when nothing was stored
 * @param reason why a file was rejected, or which file it duplicates
 */
public record FileOutcome(String file, Status status, CaseCounts counts, long suites, String reason, Long fileId,
		Long runId) {

	public enum Status {
		INGESTED, DUPLICATE, REJECTED
	}

	static FileOutcome ingested(String file, CaseCounts counts, long suites, long fileId, long runId) {
		return new FileOutcome(file, Status.INGESTED, counts, suites, null, fileId, runId);
	}

	static FileOutcome duplicate(String file, long fileId, Long runId, String original) {
		return new FileOutcome(file, Status.DUPLICATE, CaseCounts.NONE, 0, "same content as " + original, fileId, runId);
	}

	public static FileOutcome rejected(String file, String reason, Long fileId, Long runId) {
		return new FileOutcome(file, Status.REJECTED, CaseCounts.NONE, 0, reason, fileId, runId);
	}

}
