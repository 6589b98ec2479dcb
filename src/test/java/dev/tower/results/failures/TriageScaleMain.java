package dev.tower.results.failures;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import dev.tower.results.report.Outcome;
import dev.tower.results.tests.SearchBench;

/**
 * The failure groups, test search and suite pages at scale (bench/results-triage.sh): an embedded PostgreSQL
 * migrated by Flyway, {@code runs} runs of {@code tests} cases each (1 % failing, in 40 groups, 2 % skipped)
 * generated in SQL, then each read timed through the application's query classes (median and p90 of 21 after 5
 * warm-ups).
 */
public final class TriageScaleMain {

	public static void main(String[] args) throws Exception {
		int runs = args.length > 0 ? Integer.parseInt(args[0]) : 100;
		int tests = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
				Connection connection = postgres.getPostgresDatabase().getConnection()) {
			Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration").load().migrate();
			long started = System.nanoTime();
			generate(connection, runs, tests);
			System.out.printf(Locale.ROOT, "generated %,d cases in %d runs in %.0f s%n", (long) runs * tests, runs,
					(System.nanoTime() - started) / 1e9);
			var dataSource = new SingleConnectionDataSource(connection, true);
			var groups = new FailureGroups(JdbcClient.create(dataSource));
			var search = new SearchBench(dataSource);
			long redRun = runs;
			long bigSuite = (redRun - 1) * 125 + 7;
			Map<String, Supplier<Object>> reads = new LinkedHashMap<>();
			reads.put("groups of a run (?run=)", () -> groups.ofRun(redRun));
			reads.put("groups of 30 days (?days=30)", () -> groups.since(30, 50));
			reads.put("groups of 90 days (?days=90)", () -> groups.since(90, 50));
			reads.put("a group's page", () -> groups.group(0, 100));
			reads.put("find a test: narrow (\"service77test\")", search.find("service77test"));
			reads.put("find a test: broad (\"test\")", search.find("test"));
			reads.put("find a test: no match", search.find("no such test"));
			reads.put("a suite's cases, all outcomes", search.suite(bigSuite, null, 0));
			reads.put("a suite's cases, failed only", search.suite(bigSuite, Outcome.FAILED, 0));
			reads.put("a suite's cases, page 4 of passed", search.suite(bigSuite, Outcome.PASSED, 3));
			List<String> figures = new ArrayList<>();
			for (var read : reads.entrySet()) {
				for (int i = 0; i < 5; i++) {
					read.getValue().get();
				}
				double[] ms = new double[21];
				for (int i = 0; i < ms.length; i++) {
					long t = System.nanoTime();
					read.getValue().get();
					ms[i] = (System.nanoTime() - t) / 1e6;
				}
				Arrays.sort(ms);
				figures.add(String.format(Locale.ROOT, "| %s | %.1f | %.1f |", read.getKey(), ms[10], ms[19]));
			}
			System.out.println("\n| read | median ms | p90 ms |\n|---|---|---|");
			figures.forEach(System.out::println);
		}
	}

	private static void generate(Connection connection, int runs, int tests) throws Exception {
		try (Statement sql = connection.createStatement()) {
			sql.execute("""
					insert into test_run (id, run_key, name, owner, site, run_tag, created_at, started_at, files, tests,
					                      failures, run_day)
					select r, 'k' || r, 'nightly-' || r, 'qa', 'lab', 'Nightly', now(),
					       now() - ((%1$d - r) * 90 / %1$d) * interval '1 day', 1, %2$d, %2$d / 100,
					       cast(now() - ((%1$d - r) * 90 / %1$d) * interval '1 day' as date)
					from generate_series(1, %1$d) r""".formatted(runs, tests));
			sql.execute("""
					insert into result_file (id, created_at, run_id, host, run_dir, file_path, file_name, full_name,
					                         file_type, file_size, sha256, status)
					select r, now(), r, 'h' || (r %% 4), 'd', 'd', 'f.xml', 'd/f.xml', 'junit', 1, 'sha' || r, 'INGESTED'
					from generate_series(1, %d) r""".formatted(runs));
			sql.execute("""
					insert into test_suite (id, run_id, file_id, host, name, seconds, tests, failures, errors, skipped)
					select (r - 1) * 125 + s + 1, r, r, 'h' || (r %% 4), 'com.acme.module' || s || '.Suite', 1, 400, 4, 0, 8
					from generate_series(1, %d) r, generate_series(0, 124) s""".formatted(runs));
			sql.execute("""
					insert into test_case (run_id, suite_id, test_key, class_name, name, outcome, seconds, reruns, message,
					                       failure_type)
					select r, (r - 1) * 125 + (t / 400) %% 125 + 1, t, 'com.acme.module' || (t / 400) || '.Service' || t || 'Test',
					       'test' || t,
					       case when (t * 7 + r) %% 100 = 0 then 'F' when t %% 50 = 1 then 'S' else 'P' end, 0.01, 0,
					       case when (t * 7 + r) %% 100 = 0 then 'expected ' || t || ' but was ' || r end,
					       case when (t * 7 + r) %% 100 = 0 then 'java.lang.AssertionError' end
					from generate_series(1, %d) r, generate_series(0, %d) t""".formatted(runs, tests - 1));
			sql.execute("""
					insert into failure_case (fingerprint, run_id, run_day, test_key)
					select c.test_key % 40, c.run_id, r.run_day, c.test_key
					from test_case c join test_run r on r.id = c.run_id where c.outcome = 'F'""");
			sql.execute("""
					insert into failure_group_run (fingerprint, run_id, run_day, failures)
					select fingerprint, run_id, min(run_day), count(*) from failure_case group by fingerprint, run_id""");
			sql.execute("""
					insert into failure_group (fingerprint, failure_type, message, frames, sample)
					select g, 'java.lang.AssertionError', 'expected <n> but was <n>', 'com.acme.Service' || g || '.run',
					       'expected ' || g || ' but was 0'
					from generate_series(0, 39) g""");
			sql.execute("""
					insert into test_identity (test_key, class_name, name, search)
					select distinct on (test_key) test_key, class_name, name, lower(class_name || chr(10) || name)
					from test_case where run_id = 1""");
			sql.execute("vacuum analyze");
		}
	}

}
