package dev.tower.results;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.springframework.context.ApplicationContext;
import org.springframework.util.FileSystemUtils;

/** Loads the development profile's demo runs into a test's database, for tests outside this package. */
public final class DemoResults {

	private DemoResults() {
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
