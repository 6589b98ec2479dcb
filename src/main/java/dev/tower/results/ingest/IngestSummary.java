package dev.tower.results.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.tower.results.report.CaseCounts;

/** What one ingestion did, added up file by file: the summary the command line prints and the API returns. */
public final class IngestSummary {

	/** Enough rejections to act on; the rest are counted. */
	private static final int LISTED = 50;

	private final long startNanos = System.nanoTime();

	private long files;

	private long ingested;

	private long duplicates;

	private long rejected;

	private long failed;

	private long suites;

	private long bytes;

	private CaseCounts cases = CaseCounts.NONE;

	private final List<Problem> problems = new ArrayList<>();

	public record Problem(String file, String reason) {
	}

	public synchronized void add(FileOutcome outcome, long size) {
		files++;
		bytes += size;
		switch (outcome.status()) {
			case INGESTED -> {
				ingested++;
				suites += outcome.suites();
				cases = cases.plus(outcome.counts());
			}
			case DUPLICATE -> duplicates++;
			case REJECTED -> {
				rejected++;
				note(outcome.file(), outcome.reason());
			}
		}
	}

	/** A file that could not be read this time; it stays queued for another try. */
	synchronized void failed(String file, String reason) {
		files++;
		failed++;
		note(file, reason);
	}

	private void note(String file, String reason) {
		if (problems.size() < LISTED) {
			problems.add(new Problem(file, reason));
		}
	}

	public synchronized long files() {
		return files;
	}

	public synchronized long ingested() {
		return ingested;
	}

	public synchronized long duplicates() {
		return duplicates;
	}

	public synchronized long rejected() {
		return rejected;
	}

	public synchronized long failed() {
		return failed;
	}

	public synchronized long suites() {
		return suites;
	}

	public synchronized long bytes() {
		return bytes;
	}

	public synchronized CaseCounts cases() {
		return cases;
	}

	public synchronized List<Problem> problems() {
		return List.copyOf(problems);
	}

	public Duration elapsed() {
		return Duration.ofNanos(System.nanoTime() - startNanos);
	}

	/** One line: "12 files (10 ingested, 1 duplicate, 1 rejected): 3 suites, 1,204 cases, 3 failures, …". */
	@Override
	public synchronized String toString() {
		double seconds = elapsed().toMillis() / 1000.0;
		return "%,d file%s (%,d ingested, %,d duplicate%s, %,d rejected%s): %,d suites, %,d cases, %,d failures, %,d errors, %,d skipped, %,d flaky in %.1f s (%,.0f cases/s)"
			.formatted(files, files == 1 ? "" : "s", ingested, duplicates, duplicates == 1 ? "" : "s", rejected,
					failed == 0 ? "" : ", %,d failed to read".formatted(failed), suites, cases.tests(), cases.failures(),
					cases.errors(), cases.skipped(), cases.flaky(), seconds, seconds == 0 ? 0 : cases.tests() / seconds);
	}

}
