package dev.tower.results.ingest;

import java.time.Instant;

/** An entry of the ingest queue, as pages and the API show it. */
public record QueueEntry(long id, Instant createdAt, Instant timeToLive, String runDir, String filePath, long fileSize, String runName,
		String owner, String site, String host, String runTag, String userTag, QueueState state, int attempts,
		String lastError, Long fileId) {

	RunInfo run() {
		return new RunInfo(runName, owner, site, host, runTag, userTag, runDir);
	}

}
