package dev.tower.results;

import java.time.Instant;
import java.util.List;

import dev.tower.results.report.Outcome;

/** What the Results pages and API show; plain values, never the stored rows. */
public final class ResultsViews {

	private ResultsViews() {
	}

	public record RunSummary(long id, String name, String owner, String site, String runTag, String userTag,
			Instant startedAt, int files, long tests, long failures, long errors, long skipped, long flaky,
			double seconds) {

		public long passed() {
			return tests - failures - errors - skipped;
		}

		/** Passed of those that ran (skipped ones do not count), as a percentage; 100 when nothing ran. */
		public double passRate() {
			long ran = tests - skipped;
			return ran == 0 ? 100 : 100.0 * passed() / ran;
		}

		public String duration() {
			return Durations.format(seconds);
		}

	}

	/** @param latest the newest run, or null when there is none */
	public record Overview(long runs, long cases, RunSummary latest) {
	}

	public record RunPage(List<RunSummary> runs, int page, int size, long total) {

		public int pages() {
			return (int) ((total + size - 1) / size);
		}

	}

	public record TrendPoint(long runId, String name, Instant startedAt, long passed, long failed, long errors,
			long skipped, long flaky) {
	}

	public record HostBreakdown(String host, long files, long tests, long failures, long errors, long skipped,
			double seconds) {

		public String duration() {
			return Durations.format(seconds);
		}

	}

	public record SuiteRow(long id, String name, String host, long tests, long failures, long errors, long skipped,
			double seconds) {

		public String duration() {
			return Durations.format(seconds);
		}

	}

	/** A failing (or erroring) case of a run. The key is a string: JavaScript cannot hold 64-bit integers. */
	public record FailureRow(String testKey, String className, String name, Outcome outcome, double seconds,
			String message, String type, String trace, String systemOut, String host, String suite) {

		public String duration() {
			return Durations.format(seconds);
		}

	}

	public record RejectedFile(String file, String reason) {
	}

	public record HistoryPoint(long runId, String runName, Instant startedAt, String host, Outcome outcome,
			double seconds, boolean flaky, String message) {

		public String duration() {
			return Durations.format(seconds);
		}

	}

	public record TestHistory(String key, String className, String name, List<HistoryPoint> runs) {

		public List<HistoryPoint> newestFirst() {
			List<HistoryPoint> newest = new java.util.ArrayList<>(runs);
			java.util.Collections.reverse(newest);
			return newest;
		}

	}

	/** A test ranked by how often its outcome flipped on the same code, or Surefire marked it flaky. */
	public record FlakyTest(String testKey, String className, String name, long flips, long markedFlaky, long runs,
			long failures, Instant lastSeen) {

		public long score() {
			return flips + markedFlaky;
		}

	}

	public record SlowTest(String testKey, String className, String name, double averageSeconds, double maxSeconds,
			long runs) {

		public String average() {
			return Durations.format(averageSeconds);
		}

		public String max() {
			return Durations.format(maxSeconds);
		}

	}

	public record FailingTest(String testKey, String className, String name, long failures, long runs,
			Instant lastFailed) {
	}

	/** One page of a longer list, for the pager under it. */
	public record Paged<T>(List<T> items, int page, int size, long total) {

		public long pages() {
			return (total + size - 1) / size;
		}

		public long first() {
			return (long) page * size + 1;
		}

		public long last() {
			return (long) page * size + items.size();
		}

	}

}
