package dev.tower.results.ingest;

import java.time.Instant;

/** An entry of the ingest queue, as pages and the API show it. */
public record QueueEntry(long id, Instant createdAt, Instant timeToLive, String runDir, String filePath, long fileSize, String runName,
		String owner, String site, String host, String runTag, String userTag, QueueState state, int attempts,
		String lastError, Long fileId) {

	/** What readers other than admins see: the file's name, not where it lies on which machine. */
	public QueueEntry withoutLocations() {
		String fileName = filePath.substring(Math.max(filePath.lastIndexOf('/'), filePath.lastIndexOf('\\')) + 1);
		return new QueueEntry(id, createdAt, timeToLive, null, fileName, fileSize, runName, owner, site, null, runTag, userTag,
				state, attempts, lastError, fileId);
	}

	RunInfo run() {
		return new RunInfo(runName, owner, site, host, runTag, userTag, runDir);
	}

}
