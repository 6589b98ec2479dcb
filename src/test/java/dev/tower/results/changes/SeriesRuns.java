package dev.tower.results.changes;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.context.ApplicationContext;

import dev.tower.results.Reports;
import dev.tower.results.ingest.FileOutcome;
import dev.tower.results.ingest.IngestProgress;
import dev.tower.results.ingest.QueueProcessor;
import dev.tower.results.ingest.ReportFinder;
import dev.tower.results.ingest.ReportIngester;
import dev.tower.results.ingest.RunInfo;

/**
 * Runs of a series (owner ci, tag Nightly) written as one report per host, from a line of results such as
 * {@code "addsItem=P removesItem=F:2.5 paysByCard=S"}: each test of {@code com.acme.ShopTest} with its outcome
 * (P, F, E or S) and, optionally, its time in seconds. Day {@code n} starts at 02:00 UTC on 2026-11-n.
 */
public final class SeriesRuns {

	public static final String CLASS = "com.acme.ShopTest";

	private final ApplicationContext context;

	private final Path dir;

	private final AtomicInteger files = new AtomicInteger();

	public SeriesRuns(ApplicationContext context, Path dir) {
		this.context = context;
		this.dir = dir;
	}

	/** Ingests one report of run {@code name} at site lab from host build-1, straight into the database. */
	public long ingest(String name, int day, String results) {
		return ingest(name, "lab", "build-1", day, results);
	}

	public long ingest(String name, String site, String host, int day, String results) {
		ReportIngester ingester = context.getBean(ReportIngester.class);
		Path file = write(day, results);
		try {
			FileOutcome outcome = ingester.ingest(ingester.describe(file, file.toString()), run(name, site, host), true);
			if (outcome.status() != FileOutcome.Status.INGESTED) {
				throw new IllegalStateException(outcome.toString());
			}
			return outcome.runId();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** The same through the queue, as {@code tower ingest} does it, announcing the run's failures after. */
	public void ingestQueued(String name, int day, String results) {
		Path file = write(day, results);
		context.getBean(QueueProcessor.class)
			.ingest(ReportFinder.find(List.of(file.toString()), run(name, "lab", "build-1")), 1, IngestProgress.NONE, told -> {
			});
	}

	private static RunInfo run(String name, String site, String host) {
		return new RunInfo(name, "ci", site, host, "Nightly", null, null);
	}

	private Path write(int day, String results) {
		StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"")
			.append(CLASS).append("\" timestamp=\"").append(LocalDateTime.of(2026, 11, 1, 2, 0).plusDays(day - 1))
			.append("\">\n");
		for (String result : results.trim().split("\\s+")) {
			if (result.isEmpty()) {
				continue;
			}
			String[] parts = result.split("[=:]");
			String seconds = parts.length > 2 ? parts[2] : "0.1";
			xml.append("  <testcase classname=\"").append(CLASS).append("\" name=\"").append(parts[0])
				.append("\" time=\"").append(seconds).append("\">");
			switch (parts[1]) {
				case "F" -> xml.append("<failure message=\"expected 2 but was 3\" type=\"AssertionError\"/>");
				case "E" -> xml.append("<error message=\"boom\" type=\"IllegalStateException\"/>");
				case "S" -> xml.append("<skipped/>");
				case "P" -> { }
				default -> throw new IllegalArgumentException(result);
			}
			xml.append("</testcase>\n");
		}
		return Reports.write(dir.resolve("f" + files.incrementAndGet()), "TEST-" + CLASS + ".xml",
				xml.append("</testsuite>\n").toString());
	}

}
