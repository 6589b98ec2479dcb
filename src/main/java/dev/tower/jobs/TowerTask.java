package dev.tower.jobs;

/**
 * A piece of background work a feature contributes as a bean. It runs on a worker: on demand, or on the schedule
 * configured under {@code tower.jobs.recurring.<name>}. A failure that may pass (network, 5xx, throttling) is
 * thrown as any exception and retried with exponential backoff; a failure no retry can fix is a
 * {@link PermanentFailure}.
 */
public interface TowerTask {

	/** Stable identifier used in configuration, URLs and stored jobs: lower-case words joined by dashes. */
	String name();

	/** What the pages call it. */
	String title();

	/** Does the work, reporting progress to {@code context}; returns a one-line summary of what it did. */
	String run(TaskContext context) throws Exception;

}
