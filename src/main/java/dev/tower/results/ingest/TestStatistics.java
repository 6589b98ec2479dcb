package dev.tower.results.ingest;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import dev.tower.database.Database;
import dev.tower.results.changes.Streaks;
import dev.tower.results.report.CaseResult;
import dev.tower.results.report.Outcome;

/**
 * The {@code test_day} rows: per test and day, its non-skipped results, failures, reruns to a pass and durations.
 * Each file adds its tally in one statement (PostgreSQL) or one batch (H2) inside its own transaction, so the
 * statistics hold exactly what is stored.
 */
@Repository
class TestStatistics {

	/**
	 * Adds a file's tests to their day's rows, created on first sight; safe when ingesters of the same day's runs
	 * meet. One statement for the whole file, its tests passed as arrays: a batch of one upsert per test spent most
	 * of its time starting each statement. In key order, so two files that share tests lock their rows in the same
	 * order.
	 */
	private static final String POSTGRES_UPSERT = """
			insert into test_day (test_key, run_day, class_name, name, runs, failures, reruns, seconds_sum, seconds_max,
			                      last_run, last_failure)
			select t.test_key, ?, t.class_name, t.name, t.runs, t.failures, t.reruns, t.seconds_sum, t.seconds_max, ?,
			       case when t.failures > 0 then cast(? as timestamp with time zone) end
			from unnest(cast(? as bigint[]), cast(? as varchar[]), cast(? as varchar[]), cast(? as bigint[]),
			            cast(? as bigint[]), cast(? as bigint[]), cast(? as double precision[]),
			            cast(? as double precision[]))
			    as t(test_key, class_name, name, runs, failures, reruns, seconds_sum, seconds_max)
			order by t.test_key
			on conflict (test_key, run_day) do update set
			    runs = test_day.runs + excluded.runs, failures = test_day.failures + excluded.failures,
			    reruns = test_day.reruns + excluded.reruns, seconds_sum = test_day.seconds_sum + excluded.seconds_sum,
			    seconds_max = greatest(test_day.seconds_max, excluded.seconds_max),
			    last_run = greatest(test_day.last_run, excluded.last_run),
			    last_failure = greatest(test_day.last_failure, excluded.last_failure)""";

	/** H2 (development) has no {@code on conflict do update}; its standard MERGE does the same. */
	private static final String H2_UPSERT = """
			merge into test_day d
			using (values (cast(? as bigint), cast(? as date), cast(? as varchar(1000)), cast(? as varchar(1000)),
			               cast(? as bigint), cast(? as bigint), cast(? as bigint), cast(? as double precision),
			               cast(? as double precision), cast(? as timestamp with time zone),
			               cast(? as timestamp with time zone)))
			    as v(test_key, run_day, class_name, name, runs, failures, reruns, seconds_sum, seconds_max, last_run,
			         last_failure)
			on d.test_key = v.test_key and d.run_day = v.run_day
			when matched then update set
			    runs = d.runs + v.runs, failures = d.failures + v.failures, reruns = d.reruns + v.reruns,
			    seconds_sum = d.seconds_sum + v.seconds_sum, seconds_max = greatest(d.seconds_max, v.seconds_max),
			    last_run = greatest(d.last_run, v.last_run),
			    last_failure = greatest(coalesce(d.last_failure, v.last_failure), coalesce(v.last_failure, d.last_failure))
			when not matched then insert values (v.test_key, v.run_day, v.class_name, v.name, v.runs, v.failures, v.reruns,
			    v.seconds_sum, v.seconds_max, v.last_run, v.last_failure)""";

	private final JdbcTemplate jdbc;

	private final boolean postgres;

	TestStatistics(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.postgres = Database.isPostgreSQL(jdbc);
	}

	/** One file's results, per test, for {@link #add}. */
	static final class Tally {

		private final Map<Long, TestTally> tests = new HashMap<>();

		void add(long testKey, CaseResult c) {
			if (c.outcome() != Outcome.SKIPPED) {
				tests.computeIfAbsent(testKey, key -> new TestTally(ResultStore.clip(c.className(), 1000),
						ResultStore.clip(c.name(), 1000))).add(c);
			}
		}

		/** Per test, whether it failed in the file, for the streaks. */
		List<Streaks.Result> results() {
			List<Streaks.Result> results = new ArrayList<>(tests.size());
			tests.forEach((key, test) -> results.add(new Streaks.Result(key, test.className, test.name, test.failures > 0)));
			return results;
		}

	}

	private static final class TestTally {

		final String className;

		final String name;

		long runs;

		long failures;

		long reruns;

		double secondsSum;

		double secondsMax;

		TestTally(String className, String name) {
			this.className = className;
			this.name = name;
		}

		void add(CaseResult c) {
			runs++;
			if (c.outcome() == Outcome.FAILED || c.outcome() == Outcome.ERROR) {
				failures++;
			}
			else if (c.reruns() > 0) {
				reruns++;
			}
			secondsSum += c.seconds();
			secondsMax = Math.max(secondsMax, c.seconds());
		}

	}

	/** Adds a file's tally to the day its run counts under; {@code runStarted} is the run's start. */
	void add(LocalDate day, Instant runStarted, Tally tally) {
		if (tally.tests.isEmpty()) {
			return;
		}
		Timestamp started = Timestamp.from(runStarted);
		if (postgres) {
			addAll(day, started, tally);
			return;
		}
		List<Object[]> rows = new ArrayList<>(tally.tests.size());
		tally.tests.forEach((key, test) -> rows.add(new Object[] { key, day, test.className, test.name, test.runs,
				test.failures, test.reruns, test.secondsSum, test.secondsMax, started,
				test.failures > 0 ? started : null }));
		jdbc.batchUpdate(H2_UPSERT, rows);
	}

	private void addAll(LocalDate day, Timestamp started, Tally tally) {
		int size = tally.tests.size();
		Long[] keys = new Long[size];
		String[] classNames = new String[size];
		String[] names = new String[size];
		Long[] runs = new Long[size];
		Long[] failures = new Long[size];
		Long[] reruns = new Long[size];
		Double[] secondsSum = new Double[size];
		Double[] secondsMax = new Double[size];
		int i = 0;
		for (Map.Entry<Long, TestTally> entry : tally.tests.entrySet()) {
			TestTally test = entry.getValue();
			keys[i] = entry.getKey();
			classNames[i] = test.className;
			names[i] = test.name;
			runs[i] = test.runs;
			failures[i] = test.failures;
			reruns[i] = test.reruns;
			secondsSum[i] = test.secondsSum;
			secondsMax[i] = test.secondsMax;
			i++;
		}
		jdbc.update(connection -> {
			PreparedStatement statement = connection.prepareStatement(POSTGRES_UPSERT);
			statement.setObject(1, day);
			statement.setTimestamp(2, started);
			statement.setTimestamp(3, started);
			statement.setArray(4, connection.createArrayOf("bigint", keys));
			statement.setArray(5, connection.createArrayOf("varchar", classNames));
			statement.setArray(6, connection.createArrayOf("varchar", names));
			statement.setArray(7, connection.createArrayOf("bigint", runs));
			statement.setArray(8, connection.createArrayOf("bigint", failures));
			statement.setArray(9, connection.createArrayOf("bigint", reruns));
			statement.setArray(10, connection.createArrayOf("float8", secondsSum));
			statement.setArray(11, connection.createArrayOf("float8", secondsMax));
			return statement;
		});
	}

	/**
	 * Takes a run's results out of its day's rows, before its cases go; in key order, as files take those rows. The
	 * largest duration and the latest run and failure of a row the run shared with others are found again from the
	 * day's other runs.
	 */
	void subtractRun(long runId, LocalDate day) {
		List<Object[]> shares = jdbc.query("""
				select count(*), sum(case when outcome in ('F', 'E') then 1 else 0 end),
				       sum(case when outcome = 'P' and reruns > 0 then 1 else 0 end), sum(seconds), test_key
				from test_case where run_id = ? and outcome <> 'S' group by test_key order by test_key""",
				(rs, row) -> new Object[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getDouble(4),
						rs.getLong(5), day },
				runId);
		jdbc.batchUpdate("""
				update test_day set runs = runs - ?, failures = failures - ?, reruns = reruns - ?,
				                    seconds_sum = seconds_sum - ?
				where test_key = ? and run_day = ?""", shares);
		jdbc.update("delete from test_day where run_day = ? and runs <= 0", day);
		List<Long> others = jdbc.queryForList("select id from test_run where run_day = ? and id <> ?", Long.class, day, runId);
		if (others.isEmpty() || shares.isEmpty()) {
			return;
		}
		String otherRuns = String.join(",", others.stream().map(String::valueOf).toList());
		// ids from the database itself, not from a request: safe to write into the statement
		jdbc.update("""
				update test_day set
				    seconds_max = coalesce((select max(c.seconds) from test_case c
				                            where c.test_key = test_day.test_key and c.run_id in (%1$s)
				                              and c.outcome <> 'S'), 0),
				    last_run = coalesce((select max(r.started_at) from test_case c join test_run r on r.id = c.run_id
				                         where c.test_key = test_day.test_key and c.run_id in (%1$s)
				                           and c.outcome <> 'S'), last_run),
				    last_failure = (select max(r.started_at) from test_case c join test_run r on r.id = c.run_id
				                    where c.test_key = test_day.test_key and c.run_id in (%1$s)
				                      and c.outcome in ('F', 'E'))
				where run_day = ? and test_key in (select test_key from test_case where run_id = ? and outcome <> 'S')"""
			.formatted(otherRuns), day, runId);
	}

}
