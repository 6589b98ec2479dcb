package dev.tower.results.ingest;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import dev.tower.database.Database;
import dev.tower.results.report.CaseCounts;
import dev.tower.results.report.SuiteEnd;
import dev.tower.results.report.SuiteStart;

/** The rows of runs, files and suites. Cases go in bulk, through the {@link StoringListener}. */
@Repository
class ResultStore {

	private final JdbcClient jdbc;

	/** Holds the run against a deletion until the file's transaction ends, without holding back other files. */
	private final String runLock;

	ResultStore(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		// H2 (development, one ingester) knows only "for update", which would serialise a run's files
		this.runLock = Database.isPostgreSQL(template) ? " for key share" : "";
	}

	/**
	 * The run these results belong to, created on first sight inside the caller's transaction (so it goes if the
	 * file does). Several ingesters meeting a new run: the second one's insert waits for the first one's
	 * transaction and then does nothing, without the error that would abort its own transaction on PostgreSQL. A
	 * deletion of the run waits for the file, or the file for the deletion and then makes the run anew.
	 */
	long runFor(RunInfo run, Instant startedAt) {
		Optional<Long> existing = findRun(run.runKey());
		if (existing.isPresent()) {
			return existing.get();
		}
		long series = seriesFor(run);
		jdbc.sql("""
				insert into test_run (run_key, name, owner, site, run_tag, user_tag, created_at, started_at, run_day,
				                      series_id)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict do nothing""")
			.params(run.runKey(), run.name(), run.owner(), run.site(), run.runTag(), run.userTag(),
					Timestamp.from(Instant.now()), Timestamp.from(startedAt), LocalDate.ofInstant(startedAt, ZoneOffset.UTC),
					series)
			.update();
		return findRun(run.runKey()).orElseThrow();
	}

	/** The run's series (owner, site and run tag), created on first sight like the run. */
	private long seriesFor(RunInfo run) {
		String find = "select id from test_series where owner = ? and site = ? and run_tag = ?";
		Optional<Long> existing = jdbc.sql(find).params(run.owner(), run.site(), run.runTag()).query(Long.class).optional();
		if (existing.isPresent()) {
			return existing.get();
		}
		jdbc.sql("insert into test_series (owner, site, run_tag) values (?, ?, ?) on conflict do nothing")
			.params(run.owner(), run.site(), run.runTag()).update();
		return jdbc.sql(find).params(run.owner(), run.site(), run.runTag()).query(Long.class).single();
	}

	private Optional<Long> findRun(String runKey) {
		return jdbc.sql("select id from test_run where run_key = ?" + runLock).param(runKey).query(Long.class).optional();
	}

	/** A file with this content already stored in this run from this host: its id, run and path. */
	Optional<StoredFile> findFile(RunInfo run, String sha256) {
		return jdbc.sql("""
				select f.id, f.run_id, f.full_name, f.status, f.reason
				from result_file f join test_run r on r.id = f.run_id
				where r.run_key = ? and f.host = ? and f.sha256 = ?""")
			.params(run.runKey(), run.host(), sha256)
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

	/**
	 * Where a file's results count, read before the file takes its run's row: the run's day (its statistics are
	 * found under it when the run is deleted), its start, and its place in its series (the order its streaks are
	 * kept in). The run's first stored file fixes day and place, so before one is stored they are what this file
	 * would fix; {@link #finishFile} tells when another first file fixed others meanwhile.
	 */
	RunPlace placeFor(long runId, Instant earliestSuite) {
		return jdbc.sql("select run_day, started_at, files, series_id, series_at from test_run where id = ?").param(runId)
			.query((rs, row) -> {
				Instant started = rs.getTimestamp(2).toInstant();
				started = started.isBefore(earliestSuite) ? started : earliestSuite;
				boolean fixed = rs.getInt(3) > 0;
				// as finishFile fixes them
				LocalDate day = fixed ? rs.getObject(1, LocalDate.class) : LocalDate.ofInstant(earliestSuite, ZoneOffset.UTC);
				return new RunPlace(day, started, rs.getLong(4), fixed ? rs.getTimestamp(5).toInstant() : started);
			})
			.single();
	}

	/**
	 * Adds a file's totals to its run, last of the file's writes: the run's row stays locked until the file commits,
	 * so a run's files queue only here. A run deleted while the file was being stored fails the file, which takes its
	 * rows with it.
	 *
	 * @throws RunPlaceTaken when a concurrent first file fixed another day or place than {@code counted}
	 */
	void finishFile(long fileId, long runId, CaseCounts counts, double seconds, Instant earliestSuite, RunPlace counted) {
		jdbc.sql("update result_file set tests = ? where id = ?").params(counts.tests(), fileId).update();
		int updated = jdbc.sql("""
				update test_run set files = files + 1, tests = tests + ?, failures = failures + ?, errors = errors + ?,
				                    skipped = skipped + ?, flaky = flaky + ?, seconds = seconds + ?,
				                    started_at = least(started_at, ?), run_day = case when files = 0 then ? else run_day end,
				                    series_at = case when files = 0 then least(started_at, ?) else series_at end
				where id = ?""")
			.params(counts.tests(), counts.failures(), counts.errors(), counts.skipped(), counts.flaky(), seconds,
					Timestamp.from(earliestSuite), LocalDate.ofInstant(earliestSuite, ZoneOffset.UTC),
					Timestamp.from(earliestSuite), runId)
			.update();
		if (updated == 0) {
			throw new IllegalStateException("the run was deleted while its file was being stored");
		}
		boolean same = jdbc.sql("select run_day, series_at from test_run where id = ?").param(runId)
			.query((rs, row) -> rs.getObject(1, LocalDate.class).equals(counted.day())
					&& rs.getTimestamp(2).toInstant().equals(counted.seriesAt()))
			.single();
		if (!same) {
			throw new RunPlaceTaken();
		}
	}

	/** Where a file's results count: see {@link #placeFor}. */
	record RunPlace(LocalDate day, Instant startedAt, long seriesId, Instant seriesAt) {
	}

	/** Another file fixed the run's day and place while this one counted under others: the file is tried again. */
	static final class RunPlaceTaken extends RuntimeException {

		RunPlaceTaken() {
			super("another file fixed the run's day and place meanwhile", null, false, false);
		}

	}

	static String clip(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max);
	}

}
