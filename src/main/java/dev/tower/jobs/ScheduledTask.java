package dev.tower.jobs;

import java.time.Instant;

/** A task as the admin page lists it: its schedule (null when it only runs on demand), next run and last run. */
public record ScheduledTask(String name, String title, String schedule, boolean enabled, Instant nextRun,
		JobView lastRun) {
}
