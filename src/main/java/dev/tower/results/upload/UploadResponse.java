package dev.tower.results.upload;

import java.util.List;

import dev.tower.results.ingest.FileOutcome;

/**
 * What {@code POST /api/v1/results} did with each file of an upload.
 *
 * @param runId the run the files went into, or null when none was stored
 * @param runUrl its page, or null
 */
public record UploadResponse(Long runId, String runUrl, List<FileOutcome> files) {
}
