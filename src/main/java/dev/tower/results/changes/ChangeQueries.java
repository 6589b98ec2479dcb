package dev.tower.results.changes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
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

	private final AsyncTaskExecutor executor;

	ChangeQueries(JdbcClient jdbc, @Qualifier("applicationTaskExecutor") AsyncTaskExecutor executor) {
		this.jdbc = jdbc;
		this.executor = executor;
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
			RunTests now = read(runId, RunTests.keys());
			RunTests before = read(predecessor.get().runId(), RunTests.keys());
			added = now.missingFrom(before);
			removed = before.missingFrom(now);
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
	 * {@code head} against {@code base}: failures new in head (passed, skipped or absent in base), still failing,
	 * fixed (failed in base, passed in head), added, removed, and tests at least twice and a second slower (mean
	 * times of their results that were not skipped). Each list cut at {@code limit}.
	 * <p>
	 * The two runs are read at once, on two connections, outside a transaction: no statement waits for another
	 * while it holds a connection, so compares cannot starve the pool.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public Comparison compare(long base, long head, int limit) {
		return compare(run(base), run(head), limit);
	}

	private Comparison compare(RunRef base, RunRef head, int limit) {
		Future<RunTests> reading = executor.submit(() -> read(base.runId(), RunTests.results()));
		RunTests after = read(head.runId(), RunTests.results());
		RunTests before = done(reading);
		Diff diff = new Diff(before, after);
		List<SlowerTest> slower = named(head.runId(), diff.slower, limit).stream()
			.map(test -> {
				long key = Long.parseLong(test.testKey());
				return new SlowerTest(test.testKey(), test.className(), test.name(), before.mean(before.indexOf(key)),
						after.mean(after.indexOf(key)));
			})
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

		Diff(RunTests before, RunTests after) {
			added = after.missingFrom(before);
			removed = before.missingFrom(after);
			for (int now = 0; now < after.size(); now++) {
				long key = after.key(now);
				int then = before.indexOf(key);
				boolean failedThen = then >= 0 && before.failed(then);
				if (after.failed(now)) {
					(failedThen ? stillFailing : newFailures).add(key);
				}
				else if (failedThen && after.passed(now)) {
					fixed.add(key);
				}
				if (then >= 0 && after.slower(now, before, then)) {
					slower.add(key);
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
	 * The run's cases, read through its index into {@code tests}: hashing them into arrays costs less than
	 * grouping or sorting them in PostgreSQL (which spilled to disk under the default work_mem). The outcome is read
	 * as its character code, so no String is made per case.
	 */
	private RunTests read(long runId, RunTests tests) {
		jdbc.sql("select " + tests.columns() + " from test_case where run_id = ?").param(runId).query(tests);
		return tests;
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

	private static RunTests done(Future<RunTests> reading) {
		try {
			return reading.get();
		}
		catch (ExecutionException ex) {
			throw ex.getCause() instanceof RuntimeException failure ? failure
					: new IllegalStateException("could not read a run", ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while reading a run", ex);
		}
	}

	private static <T> List<T> cut(List<T> items, int limit) {
		return items.size() <= limit ? items : List.copyOf(items.subList(0, limit));
	}

	private static RunRef runRef(ResultSet rs, int row) throws SQLException {
		return new RunRef(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant());
	}

}
