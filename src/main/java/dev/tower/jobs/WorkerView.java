package dev.tower.jobs;

import java.time.Instant;

/** A background job server that has signalled it is alive. */
public record WorkerView(String name, int threads, Instant since, Instant lastHeartbeat) {
}
