package dev.tower.results.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.springframework.context.ApplicationContext;
import org.springframework.util.FileSystemUtils;

import dev.tower.results.Reports;

/** Loads the development profile's demo runs into a test's database, for tests outside this package. */
public final class DemoResults {

	private DemoResults() {
	}

	/** Queues a report that cannot be parsed and tries it, so the queue shows a failed entry; then one pending. */
	public static void queueAFailureAndAPendingFile(ApplicationContext context, Path dir) {
		IngestQueue queue = context.getBean(IngestQueue.class);
		RunInfo run = new RunInfo("nightly-1215", "shop-team", "dublin", "build-3", "Nightly", "v1.5.0", dir.toString());
		Reports.write(dir.resolve("failed"), "TEST-cut-short.xml", "<testsuite name=\"com.acme.Cut\"><testcase name=\"a\">");
		context.getBean(QueueProcessor.class)
			.process(queue.enqueue(ReportFinder.find(java.util.List.of(dir.resolve("failed").toString()), run)), 1,
					IngestProgress.NONE);
		Reports.write(dir.resolve("later"), "TEST-com.acme.LaterTest.xml", Reports.report("com.acme.LaterTest", 3, 0, 0));
		queue.enqueue(ReportFinder.find(java.util.List.of(dir.resolve("later").toString()), run));
	}

	/** Ingests the fortnight of demo runs and returns how many cases went in. */
	public static long load(ApplicationContext context) throws Exception {
		ReportIngester ingester = context.getBean(ReportIngester.class);
		Path dir = Files.createTempDirectory("demo-results-");
		try {
			long cases = 0;
			for (QueuedFile file : DemoReports.write(dir, Instant.now())) {
				cases += ingester.ingest(ingester.describe(file.path(), file.path().toString()), file.run()).counts().tests();
			}
			return cases;
		}
		finally {
			FileSystemUtils.deleteRecursively(dir);
		}
	}

}
