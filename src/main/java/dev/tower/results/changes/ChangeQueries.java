package dev.tower.results.changes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
 * their run index and the run's streak rows, never the history.
 */
@Repository
@Transactional(readOnly = true)
public class ChangeQueries {

	/** Per test, its result in a run: failed if any case failed or erred, passed if one passed; the mean time. */
	private static final String RESULTS = """
			select test_key, min(class_name) as class_name, min(name) as name,
			       max(case when outcome in ('F', 'E') then 1 else 0 end) as failed,
			       max(case when outcome = 'P' then 1 else 0 end) as passed,
			       avg(case when outcome <> 'S' then seconds end) as seconds
			from test_case where run_id = ? group by test_key""";

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
		Comparison presence = predecessor.map(p -> compare(p, run, limit)).orElse(null);
		Map<String, Integer> counts = new LinkedHashMap<>();
		counts.put("newFailures", newFailures.size());
		counts.put("stillFailing", stillFailing.size());
		counts.put("fixed", fixed.size());
		counts.put("added", presence == null ? 0 : presence.counts().get("added"));
		counts.put("removed", presence == null ? 0 : presence.counts().get("removed"));
		return new RunChanges(run, predecessor.orElse(null), cut(newFailures, limit), cut(stillFailing, limit),
				cut(fixed, limit), presence == null ? List.of() : presence.added(),
				presence == null ? List.of() : presence.removed(), counts);
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
		List<TestRef> newFailures = new ArrayList<>();
		List<TestRef> stillFailing = new ArrayList<>();
		List<TestRef> fixed = new ArrayList<>();
		List<TestRef> added = new ArrayList<>();
		List<TestRef> removed = new ArrayList<>();
		List<SlowerTest> slower = new ArrayList<>();
		jdbc.sql("with b as (" + RESULTS + "), h as (" + RESULTS + ")" + """
				select h.test_key, h.class_name, h.name, case when b.test_key is null then 0 else 1 end, 1,
				       b.failed, b.seconds, h.failed, h.passed, h.seconds
				from h left join b on b.test_key = h.test_key
				where b.test_key is null or b.failed = 1 or h.failed = 1
				   or (h.seconds >= 2 * b.seconds and h.seconds >= b.seconds + 1)
				union all
				select b.test_key, b.class_name, b.name, 1, 0, b.failed, b.seconds, 0, 0, null
				from b where not exists (select 1 from h where h.test_key = b.test_key)""")
			.params(base.runId(), head.runId())
			.query((rs, row) -> {
				TestRef test = new TestRef(Long.toString(rs.getLong(1)), rs.getString(2), rs.getString(3));
				boolean inBase = rs.getInt(4) == 1;
				boolean inHead = rs.getInt(5) == 1;
				boolean failedBefore = inBase && rs.getInt(6) == 1;
				if (!inBase) {
					added.add(test);
				}
				if (!inHead) {
					removed.add(test);
					return test;
				}
				if (rs.getInt(8) == 1) {
					(failedBefore ? stillFailing : newFailures).add(test);
				}
				else if (failedBefore && rs.getInt(9) == 1) {
					fixed.add(test);
				}
				Double before = rs.getObject(7, Double.class);
				Double after = rs.getObject(10, Double.class);
				if (before != null && after != null && after >= 2 * before && after >= before + 1) {
					slower.add(new SlowerTest(test.testKey(), test.className(), test.name(), before, after));
				}
				return test;
			})
			.list();
		Map<String, Integer> counts = new LinkedHashMap<>();
		counts.put("newFailures", newFailures.size());
		counts.put("stillFailing", stillFailing.size());
		counts.put("fixed", fixed.size());
		counts.put("added", added.size());
		counts.put("removed", removed.size());
		counts.put("slower", slower.size());
		slower.sort(Comparator.comparingDouble((SlowerTest test) -> test.baseSeconds() - test.headSeconds())
			.thenComparing(SlowerTest::className).thenComparing(SlowerTest::name));
		return new Comparison(base, head, sorted(newFailures, limit), sorted(stillFailing, limit), sorted(fixed, limit),
				sorted(added, limit), sorted(removed, limit), cut(slower, limit), counts);
	}

	private static List<TestRef> sorted(List<TestRef> tests, int limit) {
		tests.sort(Comparator.comparing(TestRef::className).thenComparing(TestRef::name).thenComparing(TestRef::testKey));
		return cut(tests, limit);
	}

	private static <T> List<T> cut(List<T> items, int limit) {
		return items.size() <= limit ? items : List.copyOf(items.subList(0, limit));
	}

	private static RunRef runRef(ResultSet rs, int row) throws SQLException {
		return new RunRef(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant());
	}

}
