package dev.tower.results.ingest;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import dev.tower.results.report.CaseCounts;
import dev.tower.results.report.SuiteEnd;
import dev.tower.results.report.SuiteStart;

/** The rows of runs, files and suites. Cases go in bulk, through the {@link StoringListener}. */
@Repository
class ResultStore {

	private final JdbcClient jdbc;

	ResultStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The run these results belong to, created on first sight. Safe when several ingesters meet a new run. */
	long runFor(RunInfo run, Instant startedAt) {
		Optional<Long> existing = findRun(run.runKey());
		if (existing.isPresent()) {
			return existing.get();
		}
		try {
			var keys = new GeneratedKeyHolder();
			jdbc.sql("""
					insert into test_run (run_key, name, owner, site, run_tag, user_tag, created_at, started_at)
					values (?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(run.runKey(), run.name(), run.owner(), run.site(), run.runTag(), run.userTag(),
						Timestamp.from(Instant.now()), Timestamp.from(startedAt))
				.update(keys, "id");
			return keys.getKey().longValue();
		}
		catch (DuplicateKeyException ex) {
			return findRun(run.runKey()).orElseThrow(() -> ex);
		}
	}

	private Optional<Long> findRun(String runKey) {
		return jdbc.sql("select id from test_run where run_key = ?").param(runKey).query(Long.class).optional();
	}

	/** A file already stored with this content: its id, run and path. */
	Optional<StoredFile> findFile(String sha256) {
		return jdbc.sql("select id, run_id, full_name, status, reason from result_file where sha256 = ?")
			.param(sha256)
			.query(StoredFile.class)
			.optional();
	}

	record StoredFile(long id, Long runId, String fullName, String status, String reason) {
	}

	long insertFile(long runId, RunInfo run, ReportFile file, String status, String reason) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into result_file (created_at, run_id, host, run_dir, file_path, file_name, full_name, file_type,
				                         file_size, sha256, status, reason)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(Timestamp.from(Instant.now()), runId, run.host(), run.runDir(), file.directory(), file.name(),
					file.fullName(), file.type(), file.size(), file.sha256(), status, reason)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	long insertSuite(long runId, long fileId, Long parentId, String host, SuiteStart suite, String properties) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into test_suite (run_id, file_id, parent_id, host, name, started_at, seconds, tests, failures,
				                        errors, skipped, properties)
				values (?, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0, ?)""")
			.params(runId, fileId, parentId, host, clip(suite.name(), 1000),
					suite.timestamp() == null ? null : Timestamp.from(suite.timestamp()), properties)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void finishSuite(long suiteId, SuiteEnd suite) {
		CaseCounts counts = suite.counts();
		jdbc.sql("""
				update test_suite set seconds = ?, tests = ?, failures = ?, errors = ?, skipped = ?, system_out = ?,
				                      system_err = ?
				where id = ?""")
			.params(suite.seconds(), counts.tests(), counts.failures(), counts.errors(), counts.skipped(),
					suite.systemOut(), suite.systemErr(), suiteId)
			.update();
	}

	void finishFile(long fileId, long runId, CaseCounts counts, double seconds, Instant earliestSuite) {
		jdbc.sql("update result_file set tests = ? where id = ?").params(counts.tests(), fileId).update();
		jdbc.sql("""
				update test_run set files = files + 1, tests = tests + ?, failures = failures + ?, errors = errors + ?,
				                    skipped = skipped + ?, flaky = flaky + ?, seconds = seconds + ?,
				                    started_at = least(started_at, ?)
				where id = ?""")
			.params(counts.tests(), counts.failures(), counts.errors(), counts.skipped(), counts.flaky(), seconds,
					Timestamp.from(earliestSuite), runId)
			.update();
	}

	/** Removes a run that nothing was stored in (an upload that was refused). */
	void dropIfEmpty(long runId) {
		jdbc.sql("delete from test_run where id = ? and files = 0 and not exists (select 1 from result_file where run_id = ?)")
			.params(runId, runId)
			.update();
	}

	static String clip(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max);
	}

}
