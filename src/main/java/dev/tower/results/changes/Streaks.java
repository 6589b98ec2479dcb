package dev.tower.results.changes;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.tower.database.Database;

/**
 * The failing streaks, kept at ingest in {@code test_streak} so that no page walks a test's history: per run, each
 * test that failed in it with the run its streak began in and its length in runs, and each test it fixed.
 * <p>
 * A run's series is its owner, site and run tag, in the order of its runs' places ({@code series_at}). A test's
 * result in a run is a failure if any of its cases there failed or erred (several hosts may run it), a pass if
 * none did and one passed; absent or only skipped, the run has no result for it, and neither extends nor breaks its
 * streak. So a failure is new when the test's previous result in the series was a pass or there was none, and a
 * pass fixes it when that previous result was a failure.
 * <p>
 * Files arrive in any order, several at a time, and runs are deleted: each change to a run's rows is carried
 * forward through the later runs of the series until a row comes out as it was. A test's rows depend only on its
 * own results, so files and deletions lock the tests they touch (their rows in the directory of tests, in key
 * order, after the statistics' row locks as both take those) and see each other's rows for them; files of other
 * tests do not wait. Row locks, not PostgreSQL's advisory locks: those each take a slot in its lock table, which a
 * report of a hundred thousand tests would overflow.
 */
@Repository
public class Streaks {

	/** A test's results in one file, skipped ones left out: failed if any of them failed or erred. */
	public record Result(long testKey, String className, String name, boolean failed) {
	}

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final String rowLock;

	private final String runRows;

	Streaks(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
		boolean postgres = Database.isPostgreSQL(batch);
		// H2 (development) knows only "for update"
		this.rowLock = postgres ? " for no key update" : " for update";
		// On PostgreSQL one probe of the primary key per test. The statistics know nothing yet of the rows of a run
		// being stored, so "run_id = ? and test_key = any(?)" was planned as a read of all of the run's rows, filtered,
		// for every file: 9.5 ms against 1.0 ms at 8,000 rows, and growing with the run. "offset 0" keeps the probe
		// from being flattened into a join that would be planned the same way. H2 has no lateral join.
		this.runRows = postgres ? """
				select r.test_key, r.class_name, r.name, r.fixed, r.since_run_id, r.age, r.announced
				from unnest(cast(:keys as bigint[])) as k(test_key),
				     lateral (select * from test_streak s where s.run_id = :run and s.test_key = k.test_key offset 0) r""" : """
				select test_key, class_name, name, fixed, since_run_id, age, announced from test_streak
				where run_id = :run and test_key = any(:keys)""";
	}

	/**
	 * After a file's cases are stored, in its transaction: its tests' rows in its run, and what follows from them.
	 * The run's place in its series is the one the file counts under. The tests this transaction put in the
	 * directory ({@code firstSeen}) have no results and no rows anywhere else, and no other file can store any
	 * until it commits (their directory rows hold them): they are not locked or looked up, and a failure of one is
	 * simply a new streak.
	 */
	public void record(long runId, long seriesId, Instant seriesAt, Collection<Result> results, Set<Long> firstSeen) {
		if (results.isEmpty()) {
			return;
		}
		Place run = new Place(runId, seriesId, Timestamp.from(seriesAt));
		Map<Long, Result> tests = new HashMap<>();
		List<Row> writes = new ArrayList<>();
		for (Result result : results) {
			if (!firstSeen.contains(result.testKey())) {
				tests.put(result.testKey(), result);
			}
			else if (result.failed()) {
				writes.add(Row.failing(result.testKey(), result.className(), result.name(), Streak.after(null, runId)));
			}
		}
		lock(tests.keySet());
		Map<Long, Streak> before = streaksBefore(run, tests.keySet());
		List<Long> touched = tests.values().stream()
			.filter(result -> result.failed() || before.containsKey(result.testKey()))
			.map(Result::testKey)
			.toList();
		Map<Long, Row> stored = rows(run.runId(), touched);
		Map<Long, Streak> carry = new HashMap<>();
		for (long key : touched) {
			Result result = tests.get(key);
			Streak previous = before.get(key);
			Row row = stored.get(key);
			if (result.failed() && (row == null || row.fixed())) {
				Streak streak = Streak.after(previous, runId);
				writes.add(Row.failing(key, result.className(), result.name(), streak));
				carry.put(key, streak);
			}
			else if (!result.failed() && row == null) {
				writes.add(Row.fixed(key, result.className(), result.name()));
				carry.put(key, null);
			}
		}
		replace(run, writes, List.of(), stored);
		carryForward(run, carry);
	}

	/** Before a run is deleted, in its transaction: its rows go, and the later runs' streaks are mended. */
	public void forget(long runId) {
		Place run = jdbc.sql("select id, series_id, series_at from test_run where id = ? and series_at is not null")
			.param(runId)
			.query((rs, row) -> new Place(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3)))
			.optional()
			.orElse(null);
		if (run == null) {
			return;
		}
		// every test the run has a result for: an earlier run's file may be carrying a streak into any of them
		lock(jdbc.sql("select distinct test_key from test_case where run_id = ?").param(runId).query(Long.class).list());
		List<Long> keys = jdbc.sql("select test_key from test_streak where run_id = ?").param(runId)
			.query(Long.class).list();
		jdbc.sql("delete from test_streak where run_id = ?").param(runId).update();
		Map<Long, Streak> before = streaksBefore(run, keys);
		Map<Long, Streak> carry = new HashMap<>();
		keys.forEach(key -> carry.put(key, before.get(key)));
		carryForward(run, carry);
	}

	/**
	 * Walks the runs after {@code from} with the streak each test now leaves it (null: not failing), rewriting the
	 * rows that come out differently; a test drops out at its next result whose row stays as it was, or at its next
	 * pass (after which nothing depends on what came before).
	 */
	private void carryForward(Place from, Map<Long, Streak> carry) {
		if (carry.isEmpty()) {
			return;
		}
		List<Place> later = jdbc.sql("""
				select id, series_id, series_at from test_run
				where series_id = ? and series_at is not null and (series_at > ? or (series_at = ? and id > ?))
				order by series_at, id""")
			.params(from.seriesId(), from.at(), from.at(), from.runId())
			.query((rs, row) -> new Place(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3)))
			.list();
		for (Place run : later) {
			if (carry.isEmpty()) {
				return;
			}
			Map<Long, Row> results = results(run.runId(), carry.keySet());
			Map<Long, Row> stored = rows(run.runId(), results.keySet());
			List<Row> writes = new ArrayList<>();
			List<Long> deletes = new ArrayList<>();
			for (Row result : results.values()) {
				long key = result.testKey();
				Streak incoming = carry.remove(key);
				Row wanted;
				if (result.fixed()) { // a pass: fixed when a streak came in; nothing after it depends on what came before
					wanted = incoming == null ? null : Row.fixed(key, result.className(), result.name());
				}
				else {
					Streak streak = Streak.after(incoming, run.runId());
					wanted = Row.failing(key, result.className(), result.name(), streak);
					if (!wanted.same(stored.get(key))) {
						carry.put(key, streak);
					}
				}
				if (wanted == null ? stored.containsKey(key) : !wanted.same(stored.get(key))) {
					if (wanted == null) {
						deletes.add(key);
					}
					else {
						writes.add(wanted);
					}
				}
			}
			replace(run, writes, deletes, stored);
		}
	}

	/** Takes the tests' locks, in key order. */
	private void lock(Collection<Long> keys) {
		for (Long[] some : inKeyOrder(keys)) {
			jdbc.sql("select test_key from test_identity where test_key = any(:keys) order by test_key" + rowLock)
				.param("keys", some)
				.query(Long.class)
				.list();
		}
	}

	/** The streaks these tests bring into the run: their latest row before it, when that is a failure. */
	private Map<Long, Streak> streaksBefore(Place run, Collection<Long> keys) {
		return byKey(keys, """
				select test_key, since_run_id, age from (
				    select test_key, fixed, since_run_id, age,
				           row_number() over (partition by test_key order by series_at desc, run_id desc) as latest
				    from test_streak
				    where series_id = :series and test_key = any(:keys)
				      and (series_at < :at or (series_at = :at and run_id < :run))
				) t where latest = 1 and not fixed""",
				Map.of("series", run.seriesId(), "at", run.at(), "run", run.runId()),
				(rs, row) -> new Streak(rs.getLong(2), rs.getInt(3)));
	}

	/** The run's rows of these tests. */
	private Map<Long, Row> rows(long runId, Collection<Long> keys) {
		return byKey(keys, runRows, Map.of("run", runId),
				(rs, row) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
						rs.getObject(5, Long.class), rs.getObject(6, Integer.class), rs.getBoolean(7)));
	}

	/** These tests' results in the run, as rows without a streak: fixed standing for a pass. */
	private Map<Long, Row> results(long runId, Collection<Long> keys) {
		return byKey(keys, """
				select test_key, min(class_name), min(name), max(case when outcome in ('F', 'E') then 1 else 0 end)
				from test_case where run_id = :run and test_key = any(:keys) and outcome <> 'S'
				group by test_key""", Map.of("run", runId),
				(rs, row) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4) == 0, null, null, false));
	}

	/** Rows of {@code sql} by their first column, the test key. */
	private <T> Map<Long, T> byKey(Collection<Long> keys, String sql, Map<String, ?> params, RowMapper<T> mapper) {
		Map<Long, T> found = new HashMap<>();
		for (Long[] some : inKeyOrder(keys)) {
			jdbc.sql(sql).params(params).param("keys", some)
				.query((rs, row) -> found.put(rs.getLong(1), mapper.mapRow(rs, row)))
				.list();
		}
		return found;
	}

	/**
	 * The keys in order, as arrays for {@code test_key = any(:keys)}: one statement text and plan whatever their
	 * number (a list of literals was planned anew for every file), at most 10,000 a time (H2 takes arrays of up to
	 * 65,536).
	 */
	private static List<Long[]> inKeyOrder(Collection<Long> keys) {
		Long[] sorted = keys.stream().sorted().toArray(Long[]::new);
		List<Long[]> arrays = new ArrayList<>();
		for (int from = 0; from < sorted.length; from += 10_000) {
			arrays.add(Arrays.copyOfRange(sorted, from, Math.min(sorted.length, from + 10_000)));
		}
		return arrays;
	}

	/** Rewrites the run's rows of these tests; {@code stored}: the rows they replace. */
	private void replace(Place run, List<Row> writes, List<Long> deletes, Map<Long, Row> stored) {
		List<Object[]> gone = new ArrayList<>();
		deletes.forEach(key -> gone.add(new Object[] { run.runId(), key }));
		writes.stream().filter(row -> stored.containsKey(row.testKey()))
			.forEach(row -> gone.add(new Object[] { run.runId(), row.testKey() }));
		if (!gone.isEmpty()) {
			batch.batchUpdate("delete from test_streak where run_id = ? and test_key = ?", gone);
		}
		if (writes.isEmpty()) {
			return;
		}
		// a failure told in a notification stays told when its row is rewritten
		batch.batchUpdate("""
				insert into test_streak (run_id, test_key, series_id, series_at, class_name, name, fixed, since_run_id, age,
				                         announced)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
				writes.stream().map(row -> new Object[] { run.runId(), row.testKey(), run.seriesId(), run.at(),
						row.className(), row.name(), row.fixed(), row.since(), row.age(),
						stored.containsKey(row.testKey()) && stored.get(row.testKey()).announced() })
					.toList());
	}

	/** A run's place in its series. */
	private record Place(long runId, long seriesId, Timestamp at) {
	}

	/** A failing streak: the run it began in and its length in runs. */
	private record Streak(long since, int age) {

		/** The streak a failure in {@code runId} makes of the one it follows (null: none). */
		static Streak after(Streak previous, long runId) {
			return previous == null ? new Streak(runId, 1) : new Streak(previous.since(), previous.age() + 1);
		}

	}

	/** A row of {@code test_streak}: a failure with its streak, or a fix. */
	private record Row(long testKey, String className, String name, boolean fixed, Long since, Integer age,
			boolean announced) {

		static Row failing(long key, String className, String name, Streak streak) {
			return new Row(key, className, name, false, streak.since(), streak.age(), false);
		}

		static Row fixed(long key, String className, String name) {
			return new Row(key, className, name, true, null, null, false);
		}

		boolean same(Row other) {
			return other != null && fixed == other.fixed && Objects.equals(since, other.since)
					&& Objects.equals(age, other.age);
		}

	}

}
