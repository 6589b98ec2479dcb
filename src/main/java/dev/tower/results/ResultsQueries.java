package dev.tower.results;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import dev.tower.results.ResultsViews.FailingTest;
import dev.tower.results.ResultsViews.FailureRow;
import dev.tower.results.ResultsViews.FlakyTest;
import dev.tower.results.ResultsViews.HistoryPoint;
import dev.tower.results.ResultsViews.HostBreakdown;
import dev.tower.results.ResultsViews.RejectedFile;
import dev.tower.results.ResultsViews.RunPage;
import dev.tower.results.ResultsViews.RunSummary;
import dev.tower.results.ResultsViews.SlowTest;
import dev.tower.results.ResultsViews.SuiteRow;
import dev.tower.results.ResultsViews.TestHistory;
import dev.tower.results.ResultsViews.TrendPoint;
import dev.tower.results.report.Outcome;

/** Reads for the Results pages and API. Every value goes in as a parameter. */
@Repository
@Transactional(readOnly = true)
public class ResultsQueries {

	private static final String RUN_COLUMNS = "r.id, r.name, r.owner, r.site, r.run_tag, r.user_tag, r.started_at, "
			+ "r.files, r.tests, r.failures, r.errors, r.skipped, r.flaky, r.seconds";

	private final JdbcClient jdbc;

	ResultsQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Runs that hold at least one ingested file; one whose only file was rejected shows in the queue instead. */
	public RunPage runs(RunFilter filter, int page, int size) {
		List<Object> params = new ArrayList<>();
		String where = " where r.files > 0" + filter.where(params);
		long total = jdbc.sql("select count(*) from test_run r" + where).params(params).query(Long.class).single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(size);
		pageParams.add((long) page * size);
		List<RunSummary> runs = jdbc.sql("select " + RUN_COLUMNS + " from test_run r" + where
				+ " order by r.started_at desc, r.id desc limit ? offset ?")
			.params(pageParams)
			.query(ResultsQueries::run)
			.list();
		return new RunPage(runs, page, size, total);
	}

	/** The latest {@code limit} runs matching the filter, oldest first, for the trend chart. */
	public List<TrendPoint> trend(RunFilter filter, int limit) {
		List<Object> params = new ArrayList<>();
		String where = " where r.files > 0" + filter.where(params);
		params.add(limit);
		List<TrendPoint> latest = jdbc.sql("""
				select r.id, r.name, r.started_at, r.tests - r.failures - r.errors - r.skipped, r.failures, r.errors,
				       r.skipped, r.flaky
				from test_run r""" + where + " order by r.started_at desc, r.id desc limit ?")
			.params(params)
			.query((rs, row) -> new TrendPoint(rs.getLong(1), rs.getString(2), instant(rs, 3), rs.getLong(4),
					rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8)))
			.list();
		List<TrendPoint> oldestFirst = new ArrayList<>(latest);
		java.util.Collections.reverse(oldestFirst);
		return oldestFirst;
	}

	/** For the home page: how many runs there are, and the latest. */
	public ResultsViews.Overview overview() {
		long runs = jdbc.sql("select count(*) from test_run where files > 0").query(Long.class).single();
		Optional<RunSummary> latest = jdbc.sql("select " + RUN_COLUMNS + " from test_run r where r.files > 0 order by r.started_at desc, r.id desc")
			.withMaxRows(1)
			.query(ResultsQueries::run)
			.optional();
		long cases = jdbc.sql("select coalesce(sum(tests), 0) from test_run").query(Long.class).single();
		return new ResultsViews.Overview(runs, cases, latest.orElse(null));
	}

	public Optional<RunSummary> run(long id) {
		return jdbc.sql("select " + RUN_COLUMNS + " from test_run r where r.id = ?").param(id)
			.query(ResultsQueries::run).optional();
	}

	public List<HostBreakdown> hosts(long runId) {
		return jdbc.sql("""
				select s.host, count(distinct s.file_id), sum(s.tests), sum(s.failures), sum(s.errors), sum(s.skipped),
				       sum(s.seconds)
				from test_suite s where s.run_id = ? and s.parent_id is null
				group by s.host order by s.host""")
			.param(runId)
			.query((rs, row) -> new HostBreakdown(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
					rs.getLong(5), rs.getLong(6), rs.getDouble(7)))
			.list();
	}

	public long suiteCount(long runId) {
		return jdbc.sql("select count(*) from test_suite where run_id = ?").param(runId).query(Long.class).single();
	}

	/** A page of the run's suites, those with failures first. */
	public List<SuiteRow> suites(long runId, int page, int size) {
		return jdbc.sql("""
				select s.id, s.name, s.host, s.tests, s.failures, s.errors, s.skipped, s.seconds
				from test_suite s where s.run_id = ?
				order by s.failures + s.errors desc, s.name, s.id limit ? offset ?""")
			.params(runId, size, (long) page * size)
			.query((rs, row) -> new SuiteRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
					rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getDouble(8)))
			.list();
	}

	/** A page of the run's failed and erroneous cases. */
	public List<FailureRow> failures(long runId, int page, int size) {
		return jdbc.sql("""
				select c.test_key, c.class_name, c.name, c.outcome, c.seconds, c.message, c.failure_type, c.trace,
				       c.system_out, s.host, s.name
				from test_case c join test_suite s on s.id = c.suite_id
				where c.run_id = ? and c.outcome in ('F', 'E')
				order by c.class_name, c.name, c.id limit ? offset ?""")
			.params(runId, size, (long) page * size)
			.query((rs, row) -> new FailureRow(Long.toString(rs.getLong(1)), rs.getString(2), rs.getString(3),
					Outcome.of(rs.getString(4).charAt(0)), rs.getDouble(5), rs.getString(6), rs.getString(7),
					rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11)))
			.list();
	}

	public List<RejectedFile> rejectedFiles(long runId) {
		return jdbc.sql("select full_name, reason from result_file where run_id = ? and status = 'REJECTED' order by id")
			.param(runId)
			.query((rs, row) -> new RejectedFile(rs.getString(1), rs.getString(2)))
			.list();
	}

	/** One test's latest {@code limit} results, oldest first. */
	public Optional<TestHistory> history(long testKey, int limit) {
		List<String[]> names = jdbc.sql("select class_name, name from test_case where test_key = ? limit 1")
			.param(testKey)
			.query((rs, row) -> new String[] { rs.getString(1), rs.getString(2) })
			.list();
		if (names.isEmpty()) {
			return Optional.empty();
		}
		List<HistoryPoint> latest = jdbc.sql("""
				select r.id, r.name, r.started_at, s.host, c.outcome, c.seconds, c.reruns, c.message
				from test_case c join test_run r on r.id = c.run_id join test_suite s on s.id = c.suite_id
				where c.test_key = ?
				order by r.started_at desc, r.id desc, c.id desc limit ?""")
			.params(testKey, limit)
			.query((rs, row) -> {
				Outcome outcome = Outcome.of(rs.getString(5).charAt(0));
				String message = rs.getString(8);
				return new HistoryPoint(rs.getLong(1), rs.getString(2), instant(rs, 3), rs.getString(4), outcome,
						rs.getDouble(6), outcome == Outcome.PASSED && rs.getInt(7) > 0,
						message == null || message.length() <= 500 ? message : message.substring(0, 500));
			})
			.list();
		List<HistoryPoint> oldestFirst = new ArrayList<>(latest);
		java.util.Collections.reverse(oldestFirst);
		return Optional.of(new TestHistory(Long.toString(testKey), names.get(0)[0], names.get(0)[1], oldestFirst));
	}

	/**
	 * Tests whose outcome flipped between consecutive runs of the same code (the same user tag: put the version or
	 * commit there), or that Surefire reran to a pass, in the runs of the last {@code days} UTC days (today
	 * included); most flips first. A flip needs a failure beside a pass of the same test and code, so the flips are
	 * counted from the cases of the few tests and codes with a failure in the window (found through the runs'
	 * failures, not the tests' histories). The reruns come from the days with a failure or a rerun, and only the
	 * tests listed have their runs and names summed from all their days.
	 */
	public List<FlakyTest> flaky(int days, int limit) {
		LocalDate since = since(days);
		return jdbc.sql("""
				with candidates as (
				    select test_key, sum(reruns) as marked from test_day
				    where run_day >= ? and (failures > 0 or reruns > 0) group by test_key
				), window_runs as (
				    select id, started_at, coalesce(user_tag, '') as code from test_run where run_day >= ?
				), failed as (
				    select distinct c.test_key, r.code
				    from window_runs r join test_case c on c.run_id = r.id
				    where c.outcome in ('F', 'E')
				), outcomes as (
				    select c.test_key, case when c.outcome = 'P' then 1 else 0 end as ok, r.started_at, r.id as run_id,
				           r.code
				    from failed f join window_runs r on r.code = f.code
				    join test_case c on c.run_id = r.id and c.test_key = f.test_key
				    where c.outcome <> 'S'
				), flips as (
				    select test_key, sum(flip) as flips from (
				        select test_key,
				               coalesce(abs(ok - lag(ok) over (partition by test_key, code order by started_at, run_id)), 0) as flip
				        from outcomes) o
				    group by test_key
				), listed as (
				    select c.test_key, coalesce(f.flips, 0) as flips, c.marked
				    from candidates c left join flips f on f.test_key = c.test_key
				    where coalesce(f.flips, 0) > 0 or c.marked > 0
				    order by coalesce(f.flips, 0) + c.marked desc, c.test_key
				    limit ?
				)
				select l.test_key, min(d.class_name), min(d.name), l.flips, l.marked, sum(d.runs), sum(d.failures),
				       max(d.last_run)
				from listed l join test_day d on d.test_key = l.test_key and d.run_day >= ?
				group by l.test_key, l.flips, l.marked
				order by l.flips + l.marked desc, l.test_key""")
			.params(since, since, limit, since)
			.query((rs, row) -> new FlakyTest(Long.toString(rs.getLong(1)), rs.getString(2), rs.getString(3),
					rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), instant(rs, 8)))
			.list();
	}

	/**
	 * Tests by average duration over their non-skipped results in the runs of the last {@code days} UTC days.
	 * <p>
	 * Exact without averaging every test: a test's average over the window is at most its slowest day's average.
	 * So the days are read slowest first (the {@code test_day_by_mean} index), only the tests met so far are
	 * averaged over the window, and once the {@code limit}-th of those is slower than every day not read yet, no
	 * other test can enter the list. Usually a few thousand days of the slow tests; more are read, four times as
	 * many each round, only while that is not settled.
	 */
	public List<SlowTest> slowest(int days, int limit) {
		return slowest(days, limit, Math.max(1_000L, limit * 40L));
	}

	/** {@link #slowest(int, int)}, reading the slowest {@code firstRead} days in its first round. */
	public List<SlowTest> slowest(int days, int limit, long firstRead) {
		LocalDate since = since(days);
		for (long read = firstRead;; read *= 4) {
			SlowestRound round = slowestAmong(since, limit, read);
			if (round.settled(limit, read)) {
				return round.tests();
			}
		}
	}

	/** The slowest {@code read} test-days of the window, and the {@code limit} slowest tests that they name. */
	private SlowestRound slowestAmong(LocalDate since, int limit, long read) {
		record Row(SlowTest test, double floor, long daysRead) {
		}
		List<Row> rows = jdbc.sql("""
				with slowest_days as (
				    select test_key, seconds_sum / greatest(runs, 1) as mean from test_day
				    where run_day >= ? order by seconds_sum / greatest(runs, 1) desc limit ?
				), bound as (
				    select min(mean) as mean, count(*) as days from slowest_days
				)
				select d.test_key, min(d.class_name), min(d.name), sum(d.seconds_sum) / sum(d.runs), max(d.seconds_max),
				       sum(d.runs), f.mean, f.days
				from test_day d cross join bound f
				where d.run_day >= ? and d.test_key in (select test_key from slowest_days)
				group by d.test_key, f.mean, f.days
				order by sum(d.seconds_sum) / sum(d.runs) desc, d.test_key limit ?""")
			.params(since, read, since, limit)
			.query((rs, row) -> new Row(new SlowTest(Long.toString(rs.getLong(1)), rs.getString(2), rs.getString(3),
					rs.getDouble(4), rs.getDouble(5), rs.getLong(6)), rs.getDouble(7), rs.getLong(8)))
			.list();
		return rows.isEmpty() ? new SlowestRound(List.of(), 0, 0)
				: new SlowestRound(rows.stream().map(Row::test).toList(), rows.get(0).floor(), rows.get(0).daysRead());
	}

	/**
	 * A round of {@link #slowest}: its list, the slowest day it did not read (at most {@code floor}), and how many
	 * days it read (none: the window is empty).
	 */
	private record SlowestRound(List<SlowTest> tests, double floor, long daysRead) {

		/** Every day was read, or the last test listed is slower than any test whose days were not read. */
		boolean settled(int limit, long read) {
			return daysRead < read || (tests.size() == limit && tests.get(limit - 1).averageSeconds() > floor);
		}

	}

	/** Tests by failures in the runs of the last {@code days} UTC days. */
	public List<FailingTest> mostFailing(int days, int limit) {
		LocalDate since = since(days);
		return jdbc.sql("""
				with failing as (
				    select test_key, sum(failures) as failures, max(last_failure) as last_failure from test_day
				    where run_day >= ? and failures > 0 group by test_key
				    order by sum(failures) desc, test_key limit ?
				)
				select f.test_key, min(d.class_name), min(d.name), f.failures, sum(d.runs), f.last_failure
				from failing f join test_day d on d.test_key = f.test_key and d.run_day >= ?
				group by f.test_key, f.failures, f.last_failure
				order by f.failures desc, f.test_key""")
			.params(since, limit, since)
			.query((rs, row) -> new FailingTest(Long.toString(rs.getLong(1)), rs.getString(2), rs.getString(3),
					rs.getLong(4), rs.getLong(5), instant(rs, 6)))
			.list();
	}

	/** The first day of a window of {@code days} UTC days ending today. */
	static LocalDate since(int days) {
		return LocalDate.now(ZoneOffset.UTC).minusDays(days - 1L);
	}

	private static RunSummary run(ResultSet rs, int row) throws SQLException {
		return new RunSummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getString(6), instant(rs, 7), rs.getInt(8), rs.getLong(9), rs.getLong(10), rs.getLong(11),
				rs.getLong(12), rs.getLong(13), rs.getDouble(14));
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}

}
