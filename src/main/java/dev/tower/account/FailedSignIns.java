package dev.tower.account;

import java.time.Duration;

/**
 * Counts of recent wrong passwords, each kept for a window from its first failure. In Redis when Tower has one, so
 * every web node counts together; in memory otherwise.
 */
interface FailedSignIns {

	/** Counts one more failure under {@code key}; a new count starts a window of {@code window}. */
	Tally add(String key, Duration window);

	/** The count under {@code key} now: zero once its window has passed. */
	Tally get(String key);

	void clear(String key);

	/** A count and how long it is still remembered. */
	record Tally(long count, Duration left) {

		static final Tally NONE = new Tally(0, Duration.ZERO);

	}

}
