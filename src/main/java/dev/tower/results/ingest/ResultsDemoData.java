package dev.tower.results.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * Development only: a fortnight of nightly runs (see {@link DemoReports}), ingested like any user's files, and
 * only into an empty board.
 */
@Component
@Profile("development")
@ConditionalOnWebApplication
class ResultsDemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ResultsDemoData.class);

	private final JdbcClient jdbc;

	private final ReportIngester ingester;

	ResultsDemoData(JdbcClient jdbc, ReportIngester ingester) {
		this.jdbc = jdbc;
		this.ingester = ingester;
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		if (jdbc.sql("select count(*) from test_run").query(Long.class).single() > 0) {
			return;
		}
		Path dir = Files.createTempDirectory("tower-demo-results-");
		try {
			IngestSummary summary = new IngestSummary();
			for (QueuedFile file : DemoReports.write(dir, Instant.now())) {
				String recorded = "/builds/" + dir.relativize(file.path()).toString().replace('\\', '/');
				summary.add(ingester.ingest(ingester.describe(file.path(), recorded), file.run()), file.size());
			}
			log.info("Loaded the test results demo data: {}", summary);
		}
		finally {
			FileSystemUtils.deleteRecursively(dir);
		}
	}

}
