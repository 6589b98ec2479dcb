package dev.tower.results.changes;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.tower.results.Durations;

/** What the changes and compare pages and API show. Test keys are strings: JavaScript cannot hold 64-bit integers. */
public final class ChangeViews {

	private ChangeViews() {
	}

	public record RunRef(long runId, String name, Instant startedAt) {
	}

	public record TestRef(String testKey, String className, String name) {
	}

	/** A failure that was failing before: since which run of the series, and for how many runs, this one included. */
	public record StillFailing(String testKey, String className, String name, RunRef since, int age) {
	}

	public record SlowerTest(String testKey, String className, String name, double baseSeconds, double headSeconds) {

		public String base() {
			return Durations.format(baseSeconds);
		}

		public String head() {
			return Durations.format(headSeconds);
		}

	}

	/**
	 * What changed in a run since its predecessor (null for a series' first run); each list holds at most the
	 * requested number of tests, and {@code counts} says how many there are.
	 */
	public record RunChanges(RunRef run, RunRef predecessor, List<TestRef> newFailures, List<StillFailing> stillFailing,
			List<TestRef> fixed, List<TestRef> added, List<TestRef> removed, Map<String, Integer> counts) {
	}

	/** Two runs compared; each list holds at most the requested number of tests, {@code counts} how many there are. */
	public record Comparison(RunRef base, RunRef head, List<TestRef> newFailures, List<TestRef> stillFailing,
			List<TestRef> fixed, List<TestRef> added, List<TestRef> removed, List<SlowerTest> slower,
			Map<String, Integer> counts) {
	}

}
