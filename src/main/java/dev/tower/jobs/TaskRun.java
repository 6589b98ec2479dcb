package dev.tower.jobs;

import java.time.Instant;
import java.util.UUID;

/** Tower's side of a job: which task, its latest progress and, once done, its summary. */
record TaskRun(UUID jobId, String task, String recurringId, Long done, Long total, String result, Instant createdAt) {
}
