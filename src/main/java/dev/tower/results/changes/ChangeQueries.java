package dev.tower.results.changes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import dev.tower.results.UnknownRunException;
import dev.tower.results.changes.ChangeViews.Comparison;
import dev.tower.results.changes.ChangeViews.RunChanges;
import dev.tower.results.changes.ChangeViews.RunRef;
import dev.tower.results.changes.ChangeViews.SlowerTest;
import dev.tower.results.changes.ChangeViews.StillFailing;
import dev.tower.results.changes.ChangeViews.TestRef;

/**
 * A run's changes since its predecessor and the comparison of any two runs. Each reads the two runs' cases through
 * their run index and the run's streak rows, never the history; names only of the tests it lists.
 */
@Repository
@Transactional(readOnly = true)
public class ChangeQueries {

	private final JdbcClient jdbc;

	ChangeQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public RunRef run(long id) {
		return jdbc.sql("select id, name, started_at from test_run where id = ?").param(id)
			.query(ChangeQueries::runRef).optional().orElseThrow(() -> new UnknownRunException("run with id " + id));
	}

	/** The latest earlier run of the run's series (same owner, site and run tag) that holds results. */
	public Optional<RunRef> predecessor(long runId) {
		return jdbc.sql("""
				select p.id, p.name, p.started_at from test_run r join test_run p on p.series_id = r.series_id
				where r.id = ? and p.series_at is not null
				  and (p.series_at < r.series_at or (p.series_at = r.series_at and p.id < r.id))
				order by p.series_at desc, p.id desc""")
			.param(runId).withMaxRows(1).query(ChangeQueries::runRef).optional();
	}

	/** The latest runs of the run's series, newest first, for picking one to compare with. */
	public List<RunRef> series(long runId, int limit) {
		return jdbc.sql("""
				select p.id, p.name, p.started_at from test_run r join test_run p on p.series_id = r.series_id
				where r.id = ? and p.series_at is not null order by p.series_at desc, p.id desc""")
			.param(runId).withMaxRows(limit).query(ChangeQueries::runRef).list();
	}

	/** What changed in the run since its predecessor; each list cut at {@code limit}. */
	public RunChanges changes(long runId, int limit) {
		RunRef run = run(runId);
		Optional<RunRef> predecessor = predecessor(runId);
		List<TestRef> newFailures = new ArrayList<>();
		List<StillFailing> stillFailing = new ArrayList<>();
		List<TestRef> fixed = new ArrayList<>();
		jdbc.sql("""
				select s.test_key, s.class_name, s.name, s.fixed, s.age, s.since_run_id, r.name, r.started_at
				from test_streak s left join test_run r on r.id = s.since_run_id
				where s.run_id = ? order by s.class_name, s.name, s.test_key""")
			.param(runId)
			.query((rs, row) -> {
				TestRef test = new TestRef(Long.toString(rs.getLong(1)), rs.getString(2), rs.getString(3));
				if (rs.getBoolean(4)) {
					fixed.add(test);
				}
				else if (rs.getInt(5) == 1) {
					newFailures.add(test);
				}
				else {
					stillFailing.add(new StillFailing(test.testKey(), test.className(), test.name(),
							new RunRef(rs.getLong(6), rs.getString(7), rs.getTimestamp(8).toInstant()), rs.getInt(5)));
				}
				return test;
			})
			.list();
		List<Long> added = List.of();
		List<Long> removed = List.of();
		if (predecessor.isPresent()) {
			long[] now = testKeys(runId);
			long[] before = testKeys(predecessor.get().runId());
			added = missing(now, before);
			removed = missing(before, now);
		}
		return new RunChanges(run, predecessor.orElse(null), cut(newFailures, limit), cut(stillFailing, limit),
				cut(fixed, limit), named(runId, added, limit),
				predecessor.isPresent() ? named(predecessor.get().runId(), removed, limit) : List.of(),
				counts(newFailures, stillFailing, fixed, added, removed));
	}

	/** How many tests each list holds before it is cut, by the lists' names in the API. */
	private static Map<String, Integer> counts(List<?> newFailures, List<?> stillFailing, List<?> fixed, List<?> added,
			List<?> removed) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		counts.put("newFailures", newFailures.size());
		counts.put("stillFailing", stillFailing.size());
		counts.put("fixed", fixed.size());
		counts.put("added", added.size());
		counts.put("removed", removed.size());
		return counts;
	}

	/**
	 * A run's tests, as sorted keys (a test may repeat): all that its changes need of its cases. Reading them as
	 * {@link #results} took two to three times as long at 100,000 tests a run.
	 */
	private long[] testKeys(long runId) {
		Cases cases = new Cases(false);
		jdbc.sql("select test_key from test_case where run_id = ?").param(runId).query(cases);
		long[] sorted = Arrays.copyOf(cases.keys, cases.size);
		Arrays.sort(sorted);
		return sorted;
	}

	/** The keys of sorted {@code these} that sorted {@code those} lacks, each once. */
	static List<Long> missing(long[] these, long[] those) {
		List<Long> missing = new ArrayList<>();
		int j = 0;
		for (int i = 0; i < these.length; i++) {
			if (i > 0 && these[i] == these[i - 1]) {
				continue;
			}
			while (j < those.length && those[j] < these[i]) {
				j++;
			}
			if (j == those.length || those[j] != these[i]) {
				missing.add(these[i]);
			}
		}
		return missing;
	}

	/**
	 * {@code head} against {@code base}: failures new in head (passed, skipped or absent in base), still failing,
	 * fixed (failed in base, passed in head), added, removed, and tests at least twice and a second slower (mean
	 * times of their results that were not skipped). Each list cut at {@code limit}.
	 */
	public Comparison compare(long base, long head, int limit) {
		return compare(run(base), run(head), limit);
	}

	private Comparison compare(RunRef base, RunRef head, int limit) {
		RunResults before = results(base.runId());
		RunResults after = results(head.runId());
		Diff diff = new Diff(before, after);
		List<SlowerTest> slower = named(head.runId(), diff.slower, limit).stream()
			.map(test -> new SlowerTest(test.testKey(), test.className(), test.name(),
					before.mean(Long.parseLong(test.testKey())), after.mean(Long.parseLong(test.testKey()))))
			.sorted(Comparator.comparingDouble((SlowerTest test) -> test.baseSeconds() - test.headSeconds()))
			.toList();
		return new Comparison(base, head, named(head.runId(), diff.newFailures, limit),
				named(head.runId(), diff.stillFailing, limit), named(head.runId(), diff.fixed, limit),
				named(head.runId(), diff.added, limit), named(base.runId(), diff.removed, limit), slower, diff.counts());
	}

	/** The tests of two runs, sorted into what changed; keys only. */
	private static final class Diff {

		final List<Long> newFailures = new ArrayList<>();

		final List<Long> stillFailing = new ArrayList<>();

		final List<Long> fixed = new ArrayList<>();

		final List<Long> added;

		final List<Long> removed;

		final List<Long> slower = new ArrayList<>();

		Diff(RunResults before, RunResults after) {
			added = missing(after.keys, before.keys);
			removed = missing(before.keys, after.keys);
			for (int now = 0; now < after.size(); now++) {
				int then = before.indexOf(after.keys[now]);
				boolean failedThen = then >= 0 && before.failed(then);
				if (after.failed(now)) {
					(failedThen ? stillFailing : newFailures).add(after.keys[now]);
				}
				else if (failedThen && after.passed(now)) {
					fixed.add(after.keys[now]);
				}
				if (then >= 0 && after.slower(now, before, then)) {
					slower.add(after.keys[now]);
				}
			}
		}

		Map<String, Integer> counts() {
			Map<String, Integer> counts = ChangeQueries.counts(newFailures, stillFailing, fixed, added, removed);
			counts.put("slower", slower.size());
			return counts;
		}

	}

	/**
	 * Each test's result in the run, read through the run's index and summed up in arrays ordered by key: hashing
	 * two runs of 100,000 tests, or sorting them in PostgreSQL, cost more than reading them (and grouping them there
	 * spilled to disk under the default work_mem).
	 */
	private RunResults results(long runId) {
		Cases cases = new Cases(true);
		// the outcome as its character code: no String per case
		jdbc.sql("select test_key, ascii(outcome), seconds from test_case where run_id = ?").param(runId).query(cases);
		return new RunResults(cases);
	}

	/** A run's cases as read, in arrays: their keys, and with {@code results} their outcomes and times. */
	private static final class Cases implements RowCallbackHandler {

		private final boolean results;

		long[] keys = new long[4096];

		char[] outcomes = new char[4096];

		double[] seconds = new double[4096];

		int size;

		Cases(boolean results) {
			this.results = results;
		}

		@Override
		public void processRow(ResultSet rs) throws SQLException {
			if (size == keys.length) {
				keys = Arrays.copyOf(keys, size * 2);
				outcomes = results ? Arrays.copyOf(outcomes, size * 2) : outcomes;
				seconds = results ? Arrays.copyOf(seconds, size * 2) : seconds;
			}
			keys[size] = rs.getLong(1);
			if (results) {
				outcomes[size] = (char) rs.getInt(2);
				seconds[size] = rs.getDouble(3);
			}
			size++;
		}

	}

	/**
	 * A run's tests, in key order, each with its cases summed up: failed if any failed or erred, passed if any
	 * passed, and the mean time of those not skipped.
	 */
	private static final class RunResults {

		private static final byte FAILED = 1;

		private static final byte PASSED = 2;

		final long[] keys;

		private final byte[] outcomes;

		private final double[] seconds;

		private final int[] timed;

		RunResults(Cases cases) {
			long[] sorted = Arrays.copyOf(cases.keys, cases.size);
			Arrays.sort(sorted);
			int distinct = 0;
			for (int i = 0; i < sorted.length; i++) {
				if (i == 0 || sorted[i] != sorted[i - 1]) {
					sorted[distinct++] = sorted[i];
				}
			}
			keys = Arrays.copyOf(sorted, distinct);
			outcomes = new byte[distinct];
			seconds = new double[distinct];
			timed = new int[distinct];
			for (int i = 0; i < cases.size; i++) {
				int test = Arrays.binarySearch(keys, cases.keys[i]);
				char outcome = cases.outcomes[i];
				if (outcome == 'F' || outcome == 'E') {
					outcomes[test] |= FAILED;
				}
				else if (outcome == 'P') {
					outcomes[test] |= PASSED;
				}
				if (outcome != 'S') {
					seconds[test] += cases.seconds[i];
					timed[test]++;
				}
			}
		}

		int size() {
			return keys.length;
		}

		int indexOf(long key) {
			return Math.max(Arrays.binarySearch(keys, key), -1);
		}

		boolean failed(int test) {
			return (outcomes[test] & FAILED) != 0;
		}

		boolean passed(int test) {
			return (outcomes[test] & PASSED) != 0;
		}

		double mean(long key) {
			int test = indexOf(key);
			return seconds[test] / timed[test];
		}

		/** At least twice and a second slower than {@code then}'s test, both timed. */
		boolean slower(int test, RunResults then, int thenTest) {
			if (timed[test] == 0 || then.timed[thenTest] == 0) {
				return false;
			}
			double now = seconds[test] / timed[test];
			double before = then.seconds[thenTest] / then.timed[thenTest];
			return now >= 2 * before && now >= before + 1;
		}

	}

	/**
	 * These tests with their names, by class and name; of a list longer than {@code limit}, {@code limit} of them
	 * (the lowest keys), so that no page reads the names of a whole run.
	 */
	private List<TestRef> named(long runId, List<Long> keys, int limit) {
		List<Long> kept = keys.size() <= limit ? keys : keys.stream().sorted().limit(limit).toList();
		List<TestRef> tests = new ArrayList<>();
		for (int from = 0; from < kept.size(); from += 1000) {
			tests.addAll(jdbc.sql("""
					select test_key, min(class_name), min(name) from test_case
					where run_id = :run and test_key in (:keys) group by test_key""")
				.param("run", runId).param("keys", kept.subList(from, Math.min(kept.size(), from + 1000)))
				.query((rs, row) -> new TestRef(Long.toString(rs.getLong(1)), rs.getString(2), rs.getString(3)))
				.list());
		}
		tests.sort(Comparator.comparing(TestRef::className).thenComparing(TestRef::name).thenComparing(TestRef::testKey));
		return tests;
	}

	private static <T> List<T> cut(List<T> items, int limit) {
		return items.size() <= limit ? items : List.copyOf(items.subList(0, limit));
	}

	private static RunRef runRef(ResultSet rs, int row) throws SQLException {
		return new RunRef(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant());
	}

}
