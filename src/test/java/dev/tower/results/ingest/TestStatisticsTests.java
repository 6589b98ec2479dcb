package dev.tower.results.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import dev.tower.TowerTest;
import dev.tower.results.ResultsQueries;
import dev.tower.results.ResultsViews.FailingTest;
import dev.tower.results.ResultsViews.FlakyTest;
import dev.tower.results.ResultsViews.SlowTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The per-day statistics the insights read are kept at ingest; whatever happens, they must say what a count over
 * every stored case says. A fixed seed makes a failure repeatable.
 */
@TowerTest
class TestStatisticsTests {

	private static final String[] CLASSES = { "com.acme.CartTest", "com.acme.PayTest", "com.acme.ShipTest",
			"com.acme.StockTest", "com.acme.UserTest", "com.acme.TaxTest" };

	@Autowired
	ReportIngester ingester;

	@Autowired
	ResultsQueries queries;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path files;

	final Random random = new Random(13);

	int fileNumber;

	@Autowired
	RunDeletion deletion;

	@Autowired
	DataSource dataSource;

	@Test
	void statisticsAgreeWithEveryStoredCaseAfterRandomIngestsDeletesAndRetention() throws Exception {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		for (int step = 0; step < 40; step++) {
			int action = random.nextInt(10);
			if (action < 7) {
				Instant started = today.minusDays(random.nextInt(10)).atTime(1, step).toInstant(ZoneOffset.UTC);
				RunInfo info = new RunInfo("run-" + step, "qa", "lab", "host-" + random.nextInt(3), null,
						random.nextBoolean() ? "v1" : null, null);
				List<String> classes = new ArrayList<>(List.of(CLASSES));
				Collections.shuffle(classes, random);
				for (String suite : classes.subList(0, 1 + random.nextInt(4))) {
					ingest(info, started, suite);
				}
			}
			else if (action < 9) {
				List<Long> runs = jdbc.sql("select id from test_run order by id").query(Long.class).list();
				if (!runs.isEmpty()) {
					assertThat(deletion.delete(runs.get(random.nextInt(runs.size())))).isTrue();
				}
			}
			else {
				var properties = new dev.tower.results.ResultsProperties(null, null, null, null, null, null, null, null, null,
						java.time.Duration.ofDays(3 + random.nextInt(7)), null, null);
				new ResultsRetentionTask(deletion, properties).run(new dev.tower.jobs.TaskContext() {

					@Override
					public java.util.UUID jobId() {
						return java.util.UUID.randomUUID();
					}

					@Override
					public void progress(long done, long total) {
					}

				});
			}
			if (step % 10 == 9) {
				assertAgreement();
			}
		}

		assertThat(jdbc.sql("select count(*) from test_run").query(Long.class).single()).isPositive();
		assertThat(queries.flaky(30, 500)).isNotEmpty();
		assertThat(queries.mostFailing(30, 500)).isNotEmpty();
	}

	@Test
	void twoFirstFilesOfARunFromDifferentDaysCountUnderTheDayTheRunKeeps() throws Exception {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		RunInfo run = new RunInfo("nightly", "qa", "lab", "host-1", null, null, null);
		// a rejected file makes the run without fixing its day: the next two files both count as its first
		Path broken = Files.writeString(files.resolve("TEST-broken.xml"), "<testsuite>");
		Files.setLastModifiedTime(broken, FileTime.from(today.minusDays(5).atStartOfDay().toInstant(ZoneOffset.UTC)));
		assertThat(ingester.ingest(ingester.describe(broken, "TEST-broken.xml"), run, true).status())
			.isEqualTo(FileOutcome.Status.REJECTED);
		long runId = jdbc.sql("select id from test_run").query(Long.class).single();

		CompletableFuture<Void> first;
		CompletableFuture<Void> second;
		try (Connection holder = dataSource.getConnection()) {
			// both files count their statistics, each under its own day, then wait for the run's row
			holder.setAutoCommit(false);
			holder.createStatement().execute("select id from test_run where id = " + runId + " for no key update");
			first = CompletableFuture.runAsync(() -> ingestUnchecked(run, today.minusDays(1), "com.acme.CartTest"));
			second = CompletableFuture.runAsync(() -> ingestUnchecked(run, today.minusDays(3), "com.acme.PayTest"));
			await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
					select count(*) from pg_stat_activity
					where wait_event_type = 'Lock' and query like '%update test_run set files%'""").query(Long.class).single() == 2);
			holder.commit();
		}
		first.get(30, TimeUnit.SECONDS);
		second.get(30, TimeUnit.SECONDS);

		// the file that lost the race was stored again, under the day the other one fixed
		assertThat(jdbc.sql("select files from test_run").query(Integer.class).single()).isEqualTo(2);
		assertThat(jdbc.sql("select distinct run_day from test_day").query(LocalDate.class).list())
			.containsExactly(jdbc.sql("select run_day from test_run").query(LocalDate.class).single());
		assertAgreement();
	}

	private void ingestUnchecked(RunInfo run, LocalDate day, String suite) {
		try {
			ingest(run, day.atTime(6, 0).toInstant(ZoneOffset.UTC), suite);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void ingest(RunInfo run, Instant started, String suite) throws Exception {
		StringBuilder xml = new StringBuilder("<testsuite name=\"").append(suite).append("\">\n");
		for (int test = 0; test < 5; test++) {
			xml.append("<testcase classname=\"").append(suite).append("\" name=\"t").append(test)
				.append("\" time=\"").append(random.nextInt(8) * 0.5).append("\">");
			int roll = random.nextInt(20);
			if (roll < 3) {
				xml.append("<failure message=\"no\"/>");
			}
			else if (roll == 3) {
				xml.append("<skipped/>");
			}
			else if (roll == 4) {
				xml.append("<flakyFailure message=\"once\"/>");
			}
			xml.append("</testcase>\n");
		}
		Path file = Files.writeString(files.resolve("TEST-" + fileNumber++ + ".xml"), xml.append("</testsuite>\n"));
		Files.setLastModifiedTime(file, FileTime.from(started));
		assertThat(ingester.ingest(ingester.describe(file, file.toString()), run, true).status())
			.isEqualTo(FileOutcome.Status.INGESTED);
	}

	private void assertAgreement() {
		assertThat(jdbc.sql("""
				select test_key, run_day, class_name, name, runs, failures, reruns, seconds_sum, seconds_max, last_run,
				       last_failure
				from test_day order by test_key, run_day""").query().listOfRows())
			.isEqualTo(jdbc.sql("""
				select c.test_key, r.run_day, min(c.class_name) as class_name, min(c.name) as name, count(*) as runs,
				       sum(case when c.outcome in ('F', 'E') then 1 else 0 end) as failures,
				       sum(case when c.outcome = 'P' and c.reruns > 0 then 1 else 0 end) as reruns,
				       sum(c.seconds) as seconds_sum, max(c.seconds) as seconds_max, max(r.started_at) as last_run,
				       max(case when c.outcome in ('F', 'E') then r.started_at end) as last_failure
				from test_case c join test_run r on r.id = c.run_id
				where c.outcome <> 'S'
				group by c.test_key, r.run_day order by c.test_key, r.run_day""").query().listOfRows());
		for (int days : new int[] { 1, 3, 7, 30 }) {
			LocalDate since = LocalDate.now(ZoneOffset.UTC).minusDays(days - 1L);
			assertThat(queries.flaky(days, 500)).as("flaky over %d days", days).isEqualTo(flakyOverEveryCase(since));
			List<SlowTest> slowest = slowestOverEveryCase(since);
			assertThat(queries.slowest(days, 500)).as("slowest over %d days", days).isEqualTo(slowest);
			// the bound: from one day read in the first round, with ties among the averages (times are 0.5 s steps)
			for (int limit = 1; limit <= 5; limit += 2) {
				assertThat(queries.slowest(days, limit, 1)).as("the %d slowest over %d days", limit, days)
					.isEqualTo(slowest.subList(0, Math.min(limit, slowest.size())));
			}
			assertThat(queries.mostFailing(days, 500)).as("failing over %d days", days).isEqualTo(failingOverEveryCase(since));
		}
	}

	private List<FlakyTest> flakyOverEveryCase(LocalDate since) {
		return jdbc.sql("""
				with recent as (
				    select c.test_key, c.class_name, c.name, c.outcome, c.reruns, r.started_at, r.id as run_id,
				           coalesce(r.user_tag, '') as code, case when c.outcome = 'P' then 1 else 0 end as ok
				    from test_case c join test_run r on r.id = c.run_id
				    where r.run_day >= ? and c.outcome <> 'S'
				), flips as (
				    select test_key, class_name, name, outcome, reruns, started_at,
				           coalesce(abs(ok - lag(ok) over (partition by test_key, code order by started_at, run_id)), 0) as flip
				    from recent
				)
				select test_key, min(class_name), min(name), sum(flip),
				       sum(case when outcome = 'P' and reruns > 0 then 1 else 0 end), count(*),
				       sum(case when outcome in ('F', 'E') then 1 else 0 end), max(started_at)
				from flips group by test_key
				having sum(flip) > 0 or sum(case when outcome = 'P' and reruns > 0 then 1 else 0 end) > 0
				order by sum(flip) + sum(case when outcome = 'P' and reruns > 0 then 1 else 0 end) desc, test_key""")
			.param(since)
			.query((rs, row) -> new FlakyTest(Long.toString(rs.getLong(1)), rs.getString(2), rs.getString(3),
					rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getTimestamp(8).toInstant()))
			.list();
	}

	private List<SlowTest> slowestOverEveryCase(LocalDate since) {
		return jdbc.sql("""
				select c.test_key, min(c.class_name), min(c.name), avg(c.seconds), max(c.seconds), count(*)
				from test_case c join test_run r on r.id = c.run_id
				where r.run_day >= ? and c.outcome <> 'S'
				group by c.test_key order by avg(c.seconds) desc, c.test_key""")
			.param(since)
			.query((rs, row) -> new SlowTest(Long.toString(rs.getLong(1)), rs.getString(2), rs.getString(3),
					rs.getDouble(4), rs.getDouble(5), rs.getLong(6)))
			.list();
	}

	private List<FailingTest> failingOverEveryCase(LocalDate since) {
		return jdbc.sql("""
				select c.test_key, min(c.class_name), min(c.name),
				       sum(case when c.outcome in ('F', 'E') then 1 else 0 end), count(*),
				       max(case when c.outcome in ('F', 'E') then r.started_at end)
				from test_case c join test_run r on r.id = c.run_id
				where r.run_day >= ? and c.outcome <> 'S'
				group by c.test_key having sum(case when c.outcome in ('F', 'E') then 1 else 0 end) > 0
				order by 4 desc, c.test_key""")
			.param(since)
			.query((rs, row) -> new FailingTest(Long.toString(rs.getLong(1)), rs.getString(2), rs.getString(3),
					rs.getLong(4), rs.getLong(5), rs.getTimestamp(6).toInstant()))
			.list();
	}

}
