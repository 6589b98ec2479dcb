package dev.tower.results.ingest;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.tower.TowerApplication;
import dev.tower.TowerTest;
import dev.tower.cli.TowerCommandAccess;
import dev.tower.jobs.TaskContext;
import dev.tower.results.Reports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The original db_engine's job, end to end: {@code tower ingest --schedule-file} run as a command against the
 * same PostgreSQL the web pages read, with result trees from several simulated servers.
 */
@TowerTest
class ResultsIngestTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	QueueProcessor processor;

	@Autowired
	IngestQueue queue;

	@Autowired
	ResultsQueueTask queueTask;

	@TempDir
	Path servers;

	final StringWriter out = new StringWriter();

	final StringWriter err = new StringWriter();

	@BeforeEach
	void pointTheCommandAtThisDatabase() {
		// The command starts its own Spring context: system properties outrank the testing profile's H2.
		HikariDataSource hikari = (HikariDataSource) dataSource;
		System.setProperty("spring.datasource.url", hikari.getJdbcUrl());
		System.setProperty("spring.datasource.username", hikari.getUsername());
		System.setProperty("spring.datasource.password", hikari.getPassword() == null ? "" : hikari.getPassword());
	}

	@AfterEach
	void forgetTheDatabase() {
		System.clearProperty("spring.datasource.url");
		System.clearProperty("spring.datasource.username");
		System.clearProperty("spring.datasource.password");
	}

	@Test
	@WithMockUser
	void ingestsThreeServersResultsIntoOneRunRejectsTheBrokenFileAndAddsNothingTheSecondTime() throws Exception {
		for (String host : new String[] { "build-1", "build-2", "build-3" }) {
			Path run = servers.resolve(host).resolve("nightly-42");
			Reports.write(run, "TEST-com.acme.CartTest.xml", Reports.report("com.acme.CartTest", host, 40, host.equals("build-2") ? 2 : 0, 1));
			Reports.write(run.resolve("nested"), "TEST-com.acme.PayTest.xml", Reports.report("com.acme.PayTest", host, 9, 0, 0));
			Reports.write(run, "notes.txt", "not a report");
		}
		Reports.write(servers.resolve("build-3").resolve("nightly-42"), "TEST-broken.xml", "<testsuite name=\"x\"><testcase name=\"a\">");
		Path schedule = Reports.write(servers, "queue_file.json", """
				[{"RUN_DIR": "build-1/nightly-42", "OWNER": "qa", "SITE": "dublin", "HOST_MACHINE": "build-1"},
				 {"RUN_DIR": "build-2/nightly-42", "OWNER": "qa", "SITE": "dublin", "HOST_MACHINE": "build-2", "run_tag": "Development"},
				 {"RUN_DIR": "build-3/nightly-42", "OWNER": "qa", "SITE": "dublin", "HOST_MACHINE": "build-3", "user_tag": ""}]""");

		int exit = ingest("--schedule-file", schedule.toString());

		assertThat(exit).as(err.toString()).isEqualTo(1);
		assertThat(out.toString()).contains("7 files (6 ingested, 0 duplicates, 1 rejected)", "152 cases", "2 failures", "3 skipped");
		assertThat(err.toString()).contains("TEST-broken.xml").contains("line");
		Map<String, Object> run = jdbc.sql("select name, owner, site, run_tag, files, tests, failures, skipped from test_run").query().singleRow();
		assertThat(run).containsEntry("name", "nightly-42").containsEntry("owner", "qa").containsEntry("site", "dublin")
			.containsEntry("run_tag", "Development").containsEntry("files", 6).containsEntry("tests", 152L)
			.containsEntry("failures", 2L).containsEntry("skipped", 3L);
		assertThat(count("test_case")).isEqualTo(152);
		assertThat(count("test_suite")).isEqualTo(6);
		assertThat(jdbc.sql("select status, reason from result_file where file_name = 'TEST-broken.xml'").query().singleRow())
			.containsEntry("status", "REJECTED").extractingByKey("reason").asString().contains("line");
		assertThat(jdbc.sql("select state from ingest_queue where file_path like '%TEST-broken.xml'").query(String.class).single())
			.isEqualTo("FAILED");

		out.getBuffer().setLength(0);
		assertThat(ingest("--schedule-file", schedule.toString())).isZero();
		assertThat(out.toString()).contains("7 files already ingested: skipped.");
		assertThat(count("test_case")).isEqualTo(152);
		assertThat(count("result_file")).isEqualTo(7);
		assertThat(count("ingest_queue")).isEqualTo(7);

		long runId = jdbc.sql("select id from test_run").query(Long.class).single();
		mvc.perform(get("/results")).andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("nightly-42")));
		mvc.perform(get("/results/runs/{id}", runId)).andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.allOf(
					org.hamcrest.Matchers.containsString("fails0"),
					org.hamcrest.Matchers.containsString("expected 2 but was 3"),
					org.hamcrest.Matchers.containsString("build-3"),
					org.hamcrest.Matchers.containsString("TEST-broken.xml"))));
	}

	@Test
	void theSameReportCopiedElsewhereIsRecognisedByItsContent() throws Exception {
		String report = Reports.report("com.acme.SameTest", 5, 0, 0);
		Reports.write(servers.resolve("a"), "TEST-same.xml", report);
		Reports.write(servers.resolve("b"), "TEST-same-copy.xml", report);

		assertThat(ingest(servers.resolve("a").toString(), "--run", "r1")).isZero();
		assertThat(ingest(servers.resolve("b").toString(), "--run", "r1")).isZero();

		assertThat(out.toString()).contains("1 file (0 ingested, 1 duplicate, 0 rejected)");
		assertThat(count("test_case")).isEqualTo(5);
	}

	@Test
	void aByteIdenticalReportInAnotherRunOrFromAnotherHostIsKept() throws Exception {
		Reports.write(servers.resolve("a"), "TEST-same.xml", Reports.report("com.acme.SameTest", 5, 1, 0));
		Reports.write(servers.resolve("b"), "TEST-copy.xml", Reports.report("com.acme.SameTest", 5, 1, 0));

		assertThat(ingest(servers.resolve("a").toString(), "--run", "build-1")).isEqualTo(0);
		assertThat(ingest(servers.resolve("a").toString(), "--run", "build-2")).isEqualTo(0);
		assertThat(ingest(servers.resolve("a").toString(), "--run", "build-2", "--host", "other")).isEqualTo(0);
		assertThat(ingest(servers.resolve("b").toString(), "--run", "build-2", "--host", "other")).isEqualTo(0);

		assertThat(out.toString()).contains("1 file (0 ingested, 1 duplicate, 0 rejected)");
		assertThat(count("test_case")).isEqualTo(3 * 6);
		assertThat(jdbc.sql("select name, files, tests, failures from test_run order by name").query().listOfRows())
			.extracting(row -> row.get("name") + ":" + row.get("files") + ":" + row.get("tests") + ":" + row.get("failures"))
			.containsExactly("build-1:1:6:1", "build-2:2:12:2");
	}

	@Test
	void aFileThatFailsWhileBeingStoredLeavesNoRunBehind(@Autowired ReportIngester ingester) throws Exception {
		Path file = Reports.write(servers.resolve("vanishing"), "TEST-v.xml", Reports.report("com.acme.VTest", 2, 0, 0));
		ReportFile described = ingester.describe(file, file.toString());
		Files.delete(file);
		RunInfo run = new RunInfo("fresh-run", "qa", "lab", "h1", null, null, null);

		org.assertj.core.api.Assertions.assertThatThrownBy(() -> ingester.ingest(described, run, false))
			.hasMessageContaining("TEST-v.xml");

		assertThat(count("test_run") + count("result_file") + count("test_suite") + count("test_case")).isZero();
	}

	@Test
	void aTestNameLongerThanItsColumnIsClippedNotARefusal() throws Exception {
		String longName = "com.acme." + "Deep".repeat(400);
		Reports.write(servers.resolve("long"), "TEST-long.xml", Reports.report(longName, 2, 0, 0));

		assertThat(ingest(servers.resolve("long").toString(), "--run", "long")).as(err.toString()).isZero();

		assertThat(jdbc.sql("select max(length(class_name)) from test_case").query(Integer.class).single()).isEqualTo(1000);
	}

	@Test
	@WithMockUser
	void theRunPageListsEveryFailureAPageAtATime() throws Exception {
		Reports.write(servers.resolve("many"), "TEST-many.xml", Reports.report("com.acme.ManyTest", 5, 150, 0));
		assertThat(ingest(servers.resolve("many").toString(), "--run", "many")).isZero();
		long runId = jdbc.sql("select id from test_run").query(Long.class).single();

		mvc.perform(get("/results/runs/{id}", runId)).andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.allOf(
					org.hamcrest.Matchers.containsString("1–100 of 150"),
					org.hamcrest.Matchers.containsString(">fails0<"),
					org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(">fails99<")))));
		mvc.perform(get("/results/runs/{id}", runId).param("failures", "1")).andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.allOf(
					org.hamcrest.Matchers.containsString("101–150 of 150"),
					org.hamcrest.Matchers.containsString(">fails99<"))));
	}

	@Test
	void queuedFilesWaitForTheScheduledJobWhichIngestsThem() throws Exception {
		Reports.write(servers.resolve("later"), "TEST-later.xml", Reports.report("com.acme.LaterTest", 3, 1, 0));

		assertThat(ingest(servers.resolve("later").toString(), "--leave-queued", "--host", "ci-7")).isZero();
		assertThat(out.toString()).contains("Queued 1 file");
		assertThat(count("test_case")).isZero();
		assertThat(queue.counts()).containsEntry(QueueState.PENDING, 1L);

		IngestSummary summary = processor.processQueue(2, IngestProgress.NONE);

		assertThat(summary.ingested()).isEqualTo(1);
		assertThat(summary.cases().failures()).isEqualTo(1);
		assertThat(queue.counts()).containsEntry(QueueState.DONE, 1L).containsEntry(QueueState.PENDING, 0L);
		assertThat(jdbc.sql("select host from result_file").query(String.class).single()).isEqualTo("ci-7");
	}

	@Test
	void entriesPastTheirTimeToLiveExpireAndArePurgedLater() throws Exception {
		Reports.write(servers.resolve("old"), "TEST-old.xml", Reports.report("com.acme.OldTest", 1, 0, 0));
		Reports.write(servers.resolve("ancient"), "TEST-ancient.xml", Reports.report("com.acme.AncientTest", 1, 0, 0));
		ingest(servers.resolve("old").toString(), "--leave-queued");
		ingest(servers.resolve("ancient").toString(), "--leave-queued");
		Instant now = Instant.now();
		jdbc.sql("update ingest_queue set time_to_live = ? where file_path like '%TEST-old.xml'")
			.param(Timestamp.from(now.minus(1, ChronoUnit.HOURS))).update();
		jdbc.sql("update ingest_queue set time_to_live = ?, state = 'EXPIRED' where file_path like '%TEST-ancient.xml'")
			.param(Timestamp.from(now.minus(8, ChronoUnit.DAYS))).update();

		IngestSummary summary = processor.processQueue(1, IngestProgress.NONE);

		assertThat(summary.files()).isZero();
		assertThat(queue.list(null, 10)).singleElement().satisfies(entry -> {
			assertThat(entry.filePath()).endsWith("TEST-old.xml");
			assertThat(entry.state()).isEqualTo(QueueState.EXPIRED);
		});
		assertThat(queue.retry(queue.list(null, 10).get(0).id())).isTrue();
		assertThat(processor.processQueue(1, IngestProgress.NONE).ingested()).isEqualTo(1);
	}

	@Test
	void aFileThatVanishedStaysQueuedForAnotherTryThenFails() throws Exception {
		Path file = Reports.write(servers.resolve("gone"), "TEST-gone.xml", Reports.report("com.acme.GoneTest", 1, 0, 0));
		ingest(servers.resolve("gone").toString(), "--leave-queued");
		Files.delete(file);

		for (int attempt = 1; attempt <= 3; attempt++) {
			IngestSummary summary = processor.processQueue(1, IngestProgress.NONE);
			assertThat(summary.failed()).isEqualTo(1);
		}

		QueueEntry entry = queue.list(null, 1).get(0);
		assertThat(entry.state()).isEqualTo(QueueState.FAILED);
		assertThat(entry.attempts()).isEqualTo(3);
		assertThat(entry.lastError()).contains("not there").contains("TEST-gone.xml");
	}

	@Test
	void aRerunAfterACrashTakesOverTheDeadIngestersFilesAndIngestsEachOnce() throws Exception {
		Path dir = servers.resolve("crashed");
		for (int i = 1; i <= 6; i++) {
			Reports.write(dir, "TEST-c" + i + ".xml", Reports.report("com.acme.C" + i + "Test", i, 0, 0));
		}
		// The first ingest queued six files, stored two, and was killed reading two more; two it never reached.
		assertThat(ingest(dir.toString(), "--run", "crash", "--leave-queued")).isZero();
		List<Long> ids = queue.list(null, 10).stream().map(QueueEntry::id).sorted().toList();
		processor.process(ids.subList(0, 2), 1, IngestProgress.NONE);
		claim(ids.get(2), "4242@gone", Instant.now().minus(1, ChronoUnit.MINUTES)); // its lease ran out
		claim(ids.get(3), "4242@gone", Instant.now().plus(1, ChronoUnit.HOURS)); // its lease still runs
		jdbc.sql("update ingest_queue set time_to_live = ? where id = ?") // and it was a while ago
			.params(Timestamp.from(Instant.now().minus(1, ChronoUnit.HOURS)), ids.get(4)).update();

		CompletableFuture<Integer> rerun = CompletableFuture.supplyAsync(() -> ingest(dir.toString(), "--run", "crash"));
		await().atMost(Duration.ofSeconds(60)).until(() -> err.toString().contains("waiting for 1 file"));
		assertThat(rerun).isNotDone();
		assertThat(err.toString()).contains("another ingester is reading: claimed by 4242@gone until ");
		assertThat(jdbc.sql("select count(*) from ingest_queue where state = 'DONE'").query(Long.class).single()).isEqualTo(5);
		claim(ids.get(3), "4242@gone", Instant.now().minusSeconds(1)); // ... until it ran out too

		assertThat(rerun.get(60, TimeUnit.SECONDS)).as(err.toString()).isZero();
		assertThat(out.toString()).contains("4 files (4 ingested, 0 duplicates, 0 rejected)", "2 files already ingested: skipped.");
		assertThat(count("test_case")).isEqualTo(1 + 2 + 3 + 4 + 5 + 6);
		assertThat(count("result_file")).isEqualTo(6);
		assertThat(jdbc.sql("select files, tests from test_run").query().singleRow())
			.containsEntry("files", 6).containsEntry("tests", 21L);
		assertThat(queue.counts()).containsEntry(QueueState.DONE, 6L).containsEntry(QueueState.PROCESSING, 0L);
	}

	@Test
	void theQueueJobTakesOverADeadIngestersEntriesAndIsRetriedWhileOthersAreStillClaimed() throws Exception {
		for (int i = 1; i <= 3; i++) {
			Reports.write(servers.resolve("queued"), "TEST-q" + i + ".xml", Reports.report("com.acme.Q" + i + "Test", 10, 0, 0));
		}
		ingest(servers.resolve("queued").toString(), "--leave-queued");
		List<Long> ids = queue.list(null, 10).stream().map(QueueEntry::id).sorted().toList();
		claim(ids.get(0), "4242@gone", Instant.now().minusSeconds(1));
		claim(ids.get(1), "4343@busy", Instant.now().plus(1, ChronoUnit.HOURS));
		TaskContext context = new TaskContext() {

			@Override
			public UUID jobId() {
				return UUID.randomUUID();
			}

			@Override
			public void progress(long done, long total) {
			}

		};

		assertThatThrownBy(() -> queueTask.run(context)).isInstanceOf(ResultsQueueTask.EntriesStillClaimed.class)
			.hasMessageStartingWith("1 queue entry still claimed by 4343@busy until ")
			.hasMessageContaining("This run: 2 files (2 ingested");
		assertThat(count("test_case")).isEqualTo(20);

		claim(ids.get(1), "4343@busy", Instant.now().minusSeconds(1)); // its ingester stopped renewing the claim
		assertThat(queueTask.run(context)).startsWith("1 file (1 ingested").endsWith("; nothing left pending");
		assertThat(count("test_case")).isEqualTo(30);
	}

	/** What an ingester leaves behind when it is killed with a file in hand. */
	private void claim(long id, String holder, Instant leaseUntil) {
		jdbc.sql("update ingest_queue set state = 'PROCESSING', attempts = 1, claimed_by = ?, claimed_at = ?, lease_until = ? where id = ?")
			.params(holder, Timestamp.from(Instant.now()), Timestamp.from(leaseUntil), id).update();
	}

	@Test
	void explainsWhatIsMissingWithoutStartingAnything() {
		assertThat(ingest()).isEqualTo(1);
		assertThat(err.toString()).contains("give either --schedule-file FILE or one or more PATHs");
		assertThat(ingest(servers.resolve("nowhere").toString())).isEqualTo(1);
		assertThat(err.toString()).contains("no such file or directory");
	}

	@Test
	void theCaseTableHasNoForeignKeysForPostgreSqlToCheckRowByRow() {
		assertThat(jdbc.sql("select type, description from flyway_schema_history where version = '6'").query().singleRow())
			.containsEntry("type", "JDBC").containsEntry("description", "Test cases without foreign keys");
		assertThat(jdbc.sql("""
				select count(*) from information_schema.table_constraints
				where table_name = 'test_case' and constraint_type = 'FOREIGN KEY'""").query(Long.class).single()).isZero();
	}

	private int ingest(String... args) {
		String[] all = new String[args.length + 3];
		all[0] = "--profile";
		all[1] = "testing";
		all[2] = "ingest";
		System.arraycopy(args, 0, all, 3, args.length);
		return TowerCommandAccess.run(TowerApplication.class, new PrintWriter(out, true), new PrintWriter(err, true), all);
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

}
