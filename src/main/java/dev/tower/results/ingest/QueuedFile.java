package dev.tower.results.ingest;

import java.nio.file.Path;
import java.time.Instant;

/** A result file found on this machine, to be queued under its run. */
public record QueuedFile(Path path, long size, Instant modified, RunInfo run) {
}
