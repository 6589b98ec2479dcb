package dev.tower.results.ingest;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.tower.TowerApplication;
import dev.tower.TowerTest;
import dev.tower.cli.TowerCommandAccess;
import dev.tower.jobs.TaskContext;
import dev.tower.results.Reports;
import dev.tower.results.ResultsProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Runs that go: by an admin on the page or the API, and by the retention, while others ingest and read. */
@TowerTest
class RunDeletionTests {

	@Autowired
	ReportIngester ingester;

	@Autowired
	RunDeletion deletion;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@TempDir
	Path files;

	/** What {@code tower} printed, on standard output and standard error. */
	final StringWriter out = new StringWriter();

	final StringWriter err = new StringWriter();

	@Test
	void anAdminDeletesARunOnTheApiAndItLeavesEveryFigure() throws Exception {
		long doomed = ingest("doomed", Instant.now(), "com.acme.CartTest", 5, 2);
		long kept = ingest("kept", Instant.now(), "com.acme.CartTest", 5, 1);

		mvc.perform(delete("/api/v1/results/runs/{id}", doomed).with(user("reader").roles("USER")).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(delete("/api/v1/results/runs/{id}", doomed).with(admin()).with(csrf()))
			.andExpect(status().isNoContent());
		mvc.perform(delete("/api/v1/results/runs/{id}", doomed).with(admin()).with(csrf()))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));

		assertThat(jdbc.sql("select id from test_run").query(Long.class).list()).containsExactly(kept);
		assertThat(count("select count(*) from test_case")).isEqualTo(6);
		assertThat(count("select count(*) from test_suite")).isEqualTo(1);
		assertThat(count("select count(*) from result_file")).isEqualTo(1);
		assertThat(count("select sum(failures) from test_day")).isEqualTo(1);
		assertThat(count("select sum(runs) from test_day")).isEqualTo(6);
		mvc.perform(get("/api/v1/results/failing").with(admin())).andExpect(status().isOk())
			.andExpect(content().string(containsString("\"failures\":1")));
	}

	@Test
	void theRunPageAsksBeforeDeleting() throws Exception {
		long runId = ingest("bad-upload", Instant.now(), "com.acme.PayTest", 3, 0);

		mvc.perform(get("/results/runs/{id}", runId).with(admin())).andExpect(status().isOk())
			.andExpect(content().string(containsString("/admin/results/runs/" + runId + "/delete")));
		mvc.perform(get("/results/runs/{id}", runId).with(user("reader").roles("USER"))).andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("/delete"))));
		mvc.perform(get("/admin/results/runs/{id}/delete", runId).with(admin())).andExpect(status().isOk())
			.andExpect(content().string(containsString("Delete the run bad-upload?")));
		assertThat(count("select count(*) from test_run")).isEqualTo(1);

		mvc.perform(post("/admin/results/runs/{id}/delete", runId).with(user("reader").roles("USER")).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/admin/results/runs/{id}/delete", runId).with(admin()).with(csrf()))
			.andExpect(redirectedUrl("/results"));

		assertThat(count("select count(*) from test_run") + count("select count(*) from test_case")
				+ count("select count(*) from test_day")).isZero();
		mvc.perform(get("/admin/results/runs/{id}/delete", runId).with(admin())).andExpect(status().isNotFound());
	}

	@Test
	void deletingARunWhileAFileIsStoredIntoItLeavesNoOrphans() throws Exception {
		for (int round = 0; round < 5; round++) {
			long runId = ingest("busy", Instant.now(), "com.acme.FirstTest", 5, 0);
			Path big = Reports.write(files, "TEST-big-" + round + ".xml", Reports.report("com.acme.BigTest", 3000, 3, 0));
			RunInfo run = new RunInfo("busy", "qa", "lab", "h1", null, null, null);
			var storing = CompletableFuture.supplyAsync(() -> {
				try {
					return ingester.ingest(ingester.describe(big, big.toString()), run, false);
				}
				catch (java.io.IOException ex) {
					throw new java.io.UncheckedIOException(ex);
				}
			});
			assertThat(deletion.delete(runId)).isTrue();
			try {
				storing.join();
			}
			catch (CompletionException ex) {
				assertThat(ex.getCause()).hasMessageContaining("deleted");
			}

			assertThat(count("""
					select count(*) from test_case c where not exists (select 1 from test_run r where r.id = c.run_id)"""))
				.isZero();
			assertThat(count("select coalesce(sum(runs), 0) from test_day"))
				.isEqualTo(count("select count(*) from test_case where outcome <> 'S'"));
			jdbc.sql("delete from test_case").update();
			jdbc.sql("delete from test_day").update();
			jdbc.sql("delete from test_run").update();
		}
	}

	@Test
	void retentionDeletesOldRunsWhilePagesAreRead() throws Exception {
		List<Long> old = new ArrayList<>();
		for (int day = 0; day < 6; day++) {
			old.add(ingest("old-" + day, Instant.now().minus(200 + day, ChronoUnit.DAYS), "com.acme.OldTest", 20, 1));
		}
		long recent = ingest("recent", Instant.now().minus(1, ChronoUnit.DAYS), "com.acme.OldTest", 20, 1);
		var retention = new ResultsRetentionTask(deletion,
				new ResultsProperties(null, null, null, null, null, null, null, null, null, Duration.ofDays(180), null, null));

		AtomicBoolean done = new AtomicBoolean();
		var reading = CompletableFuture.runAsync(() -> {
			while (!done.get()) {
				for (String page : new String[] { "/results", "/results/insights", "/api/v1/results/flaky?days=365" }) {
					try {
						mvc.perform(get(page).with(admin())).andExpect(status().isOk());
					}
					catch (Exception ex) {
						throw new IllegalStateException(page, ex);
					}
				}
			}
		});
		String summary;
		try {
			summary = retention.run(new TaskContext() {

				@Override
				public UUID jobId() {
					return UUID.randomUUID();
				}

				@Override
				public void progress(long finished, long total) {
				}

			});
		}
		finally {
			done.set(true);
		}
		reading.join();

		assertThat(summary).startsWith("Deleted 6 runs");
		assertThat(jdbc.sql("select id from test_run").query(Long.class).list()).containsExactly(recent);
		assertThat(count("select sum(runs) from test_day")).isEqualTo(21);
	}

	@Test
	void operatorsDeleteRunsByNameOrAgeFromTheCommandLine(@Autowired DataSource dataSource) throws Exception {
		ingest("doomed", Instant.now(), "com.acme.CartTest", 5, 2);
		long old = ingest("old", Instant.now().minus(40, ChronoUnit.DAYS), "com.acme.CartTest", 3, 0);
		long fresh = ingest("fresh", Instant.now(), "com.acme.CartTest", 3, 0);
		// The command starts its own Spring context: system properties outrank the testing profile's H2.
		HikariDataSource hikari = (HikariDataSource) dataSource;
		System.setProperty("spring.datasource.url", hikari.getJdbcUrl());
		System.setProperty("spring.datasource.username", hikari.getUsername());
		System.setProperty("spring.datasource.password", hikari.getPassword() == null ? "" : hikari.getPassword());
		InputStream stdin = System.in;
		try {
			assertThat(tower("results", "delete", "--run", "doomed", "--yes")).isZero();
			assertThat(out.toString()).contains("Deleted 1 run with 7 results.");

			System.setIn(new ByteArrayInputStream("n\n".getBytes()));
			assertThat(tower("results", "delete", "--older-than", "30d")).isEqualTo(1);
			assertThat(out.toString()).contains("Delete 1 run with 3 results? [y/N]", "Nothing deleted.");
			assertThat(jdbc.sql("select id from test_run order by id").query(Long.class).list()).containsExactly(old, fresh);

			System.setIn(new ByteArrayInputStream("yes\n".getBytes()));
			assertThat(tower("results", "delete", "--older-than", "30d")).isZero();
			assertThat(jdbc.sql("select id from test_run").query(Long.class).list()).containsExactly(fresh);

			assertThat(tower("results", "delete", "--older-than", "soon")).isNotZero();
			assertThat(err.toString()).contains("--older-than takes a positive duration such as 30d");
			assertThat(tower("results", "delete")).isNotZero();
			assertThat(err.toString()).contains("give either --run NAME or --older-than DURATION");
		}
		finally {
			System.setIn(stdin);
			System.clearProperty("spring.datasource.url");
			System.clearProperty("spring.datasource.username");
			System.clearProperty("spring.datasource.password");
		}
	}

	private int tower(String... args) {
		String[] all = new String[args.length + 2];
		all[0] = "--profile";
		all[1] = "testing";
		System.arraycopy(args, 0, all, 2, args.length);
		return TowerCommandAccess.run(TowerApplication.class, new PrintWriter(out, true), new PrintWriter(err, true), all);
	}

	private long ingest(String runName, Instant started, String suite, int passed, int failed) throws Exception {
		Path file = Reports.write(files.resolve(runName + "-" + suite), "TEST-" + suite + ".xml",
				Reports.report(suite, passed, failed, 0).replace(" timestamp=\"2026-11-20T02:00:00\"", ""));
		Files.setLastModifiedTime(file, FileTime.from(started));
		var outcome = ingester.ingest(ingester.describe(file, file.toString()),
				new RunInfo(runName, "qa", "lab", "h1", null, null, null), true);
		assertThat(outcome.status()).isEqualTo(FileOutcome.Status.INGESTED);
		return outcome.runId();
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor admin() {
		return user("boss").roles("USER", "ADMIN");
	}

}
