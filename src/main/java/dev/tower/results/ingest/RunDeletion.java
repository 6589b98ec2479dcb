package dev.tower.results.ingest;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.tower.results.changes.Streaks;

/**
 * Deletes runs: one by an admin, or those past the retention. Each run goes in a transaction of its own, its
 * statistics and streaks taken away first, so that ingestion and the pages wait at most for one run's rows.
 */
@Service
public class RunDeletion {

	private final JdbcClient jdbc;

	private final TestStatistics statistics;

	private final Streaks streaks;

	private final TransactionTemplate transaction;

	RunDeletion(JdbcClient jdbc, TestStatistics statistics, Streaks streaks, TransactionTemplate transaction) {
		this.jdbc = jdbc;
		this.statistics = statistics;
		this.streaks = streaks;
		this.transaction = transaction;
	}

	/** Deletes a run with everything in it; false when there is no such run. */
	public boolean delete(long runId) {
		return Boolean.TRUE.equals(transaction.execute(status -> {
			// waits for files being stored into the run; files arriving meanwhile wait, then make the run anew
			Optional<LocalDate> day = jdbc.sql("select run_day from test_run where id = ? for update").param(runId)
				.query(LocalDate.class).optional();
			if (day.isEmpty()) {
				return false;
			}
			statistics.subtractRun(runId, day.get());
			streaks.forget(runId); // after the statistics' row locks, as ingestion takes them
			jdbc.sql("delete from test_case where run_id = ?").param(runId).update();
			// a group's runs, first and last sight are read from these, so they stay true without recounting
			jdbc.sql("delete from failure_case where run_id = ?").param(runId).update();
			jdbc.sql("delete from failure_group_run where run_id = ?").param(runId).update();
			// its files and suites go with it (foreign keys); cases have none to check (V6)
			jdbc.sql("delete from test_run where id = ?").param(runId).update();
			return true;
		}));
	}

	/** The runs that started before {@code cutoff}, oldest first. */
	public List<Long> startedBefore(Instant cutoff) {
		return jdbc.sql("select id from test_run where started_at < ? order by started_at, id")
			.param(Timestamp.from(cutoff))
			.query(Long.class)
			.list();
	}

	/** The ids of runs with this name, newest first. */
	public List<Long> named(String name) {
		return jdbc.sql("select id from test_run where name = ? order by started_at desc, id desc").param(name)
			.query(Long.class).list();
	}

	/** How many cases the runs hold, for a progress bar. */
	public long cases(List<Long> runIds) {
		if (runIds.isEmpty()) {
			return 0;
		}
		return jdbc.sql("select coalesce(sum(tests), 0) from test_run where id in (:ids)").param("ids", runIds)
			.query(Long.class).single();
	}

}
