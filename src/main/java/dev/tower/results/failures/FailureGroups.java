package dev.tower.results.failures;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the failure groups: a run's, those of the last days, and one group's runs and tests. Counts per group and
 * run come from {@code failure_group_run} (a row per group and run), the tests a group hits from
 * {@code failure_case}, names from the directory of tests; none of it reads the cases.
 */
@Repository
@Transactional(readOnly = true)
public class FailureGroups {

	/** How many of a group's tests a list names; the group says how many there are. */
	static final int TESTS_LISTED = 100;

	private final JdbcClient jdbc;

	FailureGroups(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** How many likely causes a run's failures have. */
	public int causesIn(long runId) {
		return jdbc.sql("select count(*) from failure_group_run where run_id = ?").param(runId).query(Integer.class).single();
	}

	/** A run's groups, most failures first. */
	public List<FailureGroup> ofRun(long runId) {
		Map<Long, long[]> counts = new LinkedHashMap<>();
		jdbc.sql("""
				select fingerprint, failures from failure_group_run where run_id = ?
				order by failures desc, fingerprint""")
			.param(runId)
			.query(rs -> {
				counts.put(rs.getLong(1), new long[] { rs.getLong(2), 0 });
			});
		if (counts.isEmpty()) {
			return List.of();
		}
		return groups(counts, tests("run_id = :run", Map.of("run", runId)));
	}

	/** The groups with failures in the runs of the last {@code days} UTC days (today included), most failures first. */
	public List<FailureGroup> since(int days, int limit) {
		LocalDate since = LocalDate.now(ZoneOffset.UTC).minusDays(days - 1L);
		Map<Long, long[]> counts = new LinkedHashMap<>();
		jdbc.sql("""
				select fingerprint, sum(failures) from failure_group_run where run_day >= ?
				group by fingerprint order by sum(failures) desc, fingerprint limit ?""")
			.params(since, limit)
			.query(rs -> {
				counts.put(rs.getLong(1), new long[] { rs.getLong(2), 0 });
			});
		if (counts.isEmpty()) {
			return List.of();
		}
		return groups(counts, tests("fingerprint in (:groups) and run_day >= :since",
				Map.of("groups", counts.keySet(), "since", since)));
	}

	/** The tests of the failures that {@code where} picks, per group, by class and name. */
	private Map<Long, List<GroupTest>> tests(String where, Map<String, Object> params) {
		Map<Long, List<GroupTest>> tests = new LinkedHashMap<>();
		jdbc.sql("""
				select f.fingerprint, f.test_key, t.class_name, t.name
				from (select distinct fingerprint, test_key from failure_case where %s) f
				join test_identity t on t.test_key = f.test_key
				order by f.fingerprint, t.class_name, t.name""".formatted(where))
			.params(params)
			.query(rs -> {
				tests.computeIfAbsent(rs.getLong(1), key -> new ArrayList<>()).add(test(rs, 2));
			});
		return tests;
	}

	/** The groups' descriptions and their first and last sight over all runs kept, in the order of {@code counts}. */
	private List<FailureGroup> groups(Map<Long, long[]> counts, Map<Long, List<GroupTest>> tests) {
		Map<Long, FailureGroup> described = new LinkedHashMap<>();
		jdbc.sql("""
				select g.fingerprint, g.failure_type, g.message, g.sample, g.frames,
				       min(r.started_at), max(r.started_at), count(*)
				from failure_group g join failure_group_run gr on gr.fingerprint = g.fingerprint
				join test_run r on r.id = gr.run_id
				where g.fingerprint in (:groups)
				group by g.fingerprint, g.failure_type, g.message, g.sample, g.frames""")
			.param("groups", counts.keySet())
			.query(rs -> {
				long hash = rs.getLong(1);
				List<GroupTest> hit = tests.getOrDefault(hash, List.of());
				long testCount = counts.get(hash)[1] > 0 ? counts.get(hash)[1] : hit.size();
				described.put(hash, new FailureGroup(Fingerprint.hex(hash), rs.getString(2), rs.getString(3),
						rs.getString(4), rs.getString(5), counts.get(hash)[0], testCount,
						hit.size() > TESTS_LISTED ? hit.subList(0, TESTS_LISTED) : hit, rs.getLong(8),
						instant(rs, 6), instant(rs, 7)));
			});
		return counts.keySet().stream().map(described::get).filter(java.util.Objects::nonNull).toList();
	}

	/** One group: its description, the runs it failed in (newest first) and the tests it hits, most often first. */
	Optional<GroupDetail> group(long hash, int runs) {
		Map<Long, long[]> counts = new LinkedHashMap<>();
		jdbc.sql("""
				select sum(failures), (select count(distinct test_key) from failure_case where fingerprint = ?)
				from failure_group_run where fingerprint = ? having count(*) > 0""")
			.params(hash, hash)
			.query(rs -> {
				counts.put(hash, new long[] { rs.getLong(1), rs.getLong(2) });
			});
		if (counts.isEmpty()) {
			return Optional.empty();
		}
		List<GroupTestHistory> tests = jdbc.sql("""
				select f.test_key, t.class_name, t.name, f.failures, f.runs, f.last_run
				from (select fc.test_key, count(*) as failures, count(distinct fc.run_id) as runs,
				             max(r.started_at) as last_run
				      from failure_case fc join test_run r on r.id = fc.run_id
				      where fc.fingerprint = ? group by fc.test_key) f
				join test_identity t on t.test_key = f.test_key
				order by f.failures desc, t.class_name, t.name limit ?""")
			.params(hash, TESTS_LISTED)
			.query((rs, row) -> new GroupTestHistory(test(rs, 1), rs.getLong(4), rs.getLong(5), instant(rs, 6)))
			.list();
		Map<Long, List<GroupTest>> listed = Map.of(hash, tests.stream().map(GroupTestHistory::test).toList());
		FailureGroup group = groups(counts, listed).get(0);
		List<GroupRun> recent = jdbc.sql("""
				select r.id, r.name, r.started_at, gr.failures, r.failures + r.errors
				from failure_group_run gr join test_run r on r.id = gr.run_id
				where gr.fingerprint = ? order by r.started_at desc, r.id desc limit ?""")
			.params(hash, runs)
			.query((rs, row) -> new GroupRun(rs.getLong(1), rs.getString(2), instant(rs, 3), rs.getLong(4), rs.getLong(5)))
			.list();
		return Optional.of(new GroupDetail(group, tests, recent));
	}

	private static GroupTest test(ResultSet rs, int from) throws SQLException {
		return new GroupTest(Long.toString(rs.getLong(from)), rs.getString(from + 1), rs.getString(from + 2));
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}

	/** A test a group hits. */
	public record GroupTest(String testKey, String className, String name) {
	}

	/**
	 * One likely cause.
	 *
	 * @param id the fingerprint, 16 hex digits
	 * @param message the message with its volatile parts masked
	 * @param sample the first failure's message as it was
	 * @param frames the top frames that made the fingerprint, newline-separated
	 * @param failures its failures in the run or window asked for
	 * @param testCount how many tests it hits there
	 * @param tests those tests (the first {@value #TESTS_LISTED})
	 * @param runs how many runs kept it failed in, and when it was first and last seen in them
	 */
	public record FailureGroup(String id, String type, String message, String sample, String frames, long failures,
			long testCount, List<GroupTest> tests, long runs, Instant firstSeen, Instant lastSeen) {
	}

	public record GroupTestHistory(GroupTest test, long failures, long runs, Instant lastSeen) {
	}

	public record GroupRun(long runId, String name, Instant startedAt, long failures, long runFailures) {
	}

	public record GroupDetail(FailureGroup group, List<GroupTestHistory> tests, List<GroupRun> runs) {
	}

}
