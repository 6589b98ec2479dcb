package dev.tower.results.tests;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import dev.tower.results.Durations;
import dev.tower.results.report.Outcome;

/** Finding a test by its names, and a suite's cases. */
@Repository
@Transactional(readOnly = true)
class TestQueries {

	private final JdbcClient jdbc;

	TestQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Tests whose class name or name contains {@code text}, ignoring case, by class and name. Every character of
	 * the text means itself: LIKE's wildcards and its escape character are escaped. The directory holds one row a
	 * test, so this reads thousands of rows, never the cases; each test found then costs one index look-up for its
	 * latest result (null when no run with it is kept).
	 */
	List<FoundTest> find(String text, int limit) {
		String pattern = "%" + TestDirectory.searchable(text).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
				+ "%";
		return jdbc.sql("""
				select t.test_key, t.class_name, t.name,
				       (select c.outcome from test_case c where c.test_key = t.test_key
				        order by c.run_id desc limit 1)
				from (select test_key, class_name, name from test_identity where search like ? escape '\\'
				      order by class_name, name, test_key limit ?) t
				order by t.class_name, t.name, t.test_key""")
			.params(pattern, limit)
			.query((rs, row) -> new FoundTest(Long.toString(rs.getLong(1)), rs.getString(2), rs.getString(3),
					outcome(rs, 4)))
			.list();
	}

	Optional<Suite> suite(long id) {
		return jdbc.sql("""
				select s.id, s.run_id, r.name, s.name, s.host, s.tests, s.failures, s.errors, s.skipped, s.seconds
				from test_suite s join test_run r on r.id = s.run_id where s.id = ?""")
			.param(id)
			.query((rs, row) -> new Suite(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getDouble(10)))
			.optional();
	}

	/**
	 * A page of the suite's own cases, of one outcome or all (errors, failures, passed, skipped, each in the order
	 * stored); one more than asked for when there are more. Found through the run's index on (run, outcome), so a
	 * page costs the run's cases of that outcome at most; ordering by id alone would let PostgreSQL walk the
	 * whole table's primary key instead (1.9 s at 3 million cases, docs/benchmarks.md).
	 */
	List<SuiteCase> cases(Suite suite, Outcome outcome, int page, int size) {
		String only = outcome == null ? "" : " and c.outcome = ?";
		List<Object> params = new ArrayList<>(List.of(suite.runId(), suite.id()));
		if (outcome != null) {
			params.add(String.valueOf(outcome.code()));
		}
		params.add(size + 1);
		params.add((long) page * size);
		return jdbc.sql("""
				select c.test_key, c.class_name, c.name, c.outcome, c.seconds, c.reruns, c.message, c.failure_type
				from test_case c where c.run_id = ? and c.suite_id = ?""" + only + " order by c.outcome, c.id limit ? offset ?")
			.params(params)
			.query((rs, row) -> new SuiteCase(Long.toString(rs.getLong(1)), rs.getString(2), rs.getString(3),
					outcome(rs, 4), rs.getDouble(5), rs.getInt(6) > 0, rs.getString(7), rs.getString(8)))
			.list();
	}

	private static Outcome outcome(ResultSet rs, int column) throws SQLException {
		String code = rs.getString(column);
		return code == null ? null : Outcome.of(code.charAt(0));
	}

	/** @param latest the outcome in the latest run that has the test, or null when none is kept */
	public record FoundTest(String testKey, String className, String name, Outcome latest) {
	}

	public record Suite(long id, long runId, String runName, String name, String host, long tests, long failures,
			long errors, long skipped, double seconds) {

		public long passed() {
			return tests - failures - errors - skipped;
		}

		public String duration() {
			return Durations.format(seconds);
		}

	}

	public record SuiteCase(String testKey, String className, String name, Outcome outcome, double seconds,
			boolean flaky, String message, String type) {

		public String duration() {
			return Durations.format(seconds);
		}

	}

}
