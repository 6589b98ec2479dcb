package db.migration.results;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import dev.tower.database.Database;
import dev.tower.results.failures.FailureTally;
import dev.tower.results.tests.TestDirectory;
import dev.tower.results.tests.TestDirectory.TestName;

/**
 * Failure groups and the directory of tests, with the failures and tests already stored put into them.
 * <p>
 * A Java migration because a fingerprint is Java (regular expressions over message and trace) and the groups must
 * match what ingestion computes. It reads the failed and erroneous cases run by run through the
 * {@code test_case (run_id, outcome)} index, so it touches the failures (a percent or two of the cases), not the
 * 20 million rows, and holds one run's failures in memory at a time. The directory of tests is one aggregate over
 * the cases (a pass over the table, tens of seconds at 20 million cases) into one row per test.
 */
public class V14__Failure_groups_and_test_directory extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		try (Statement statement = connection.createStatement()) {
			// a group: one fingerprint, as ingestion first saw it; which runs and tests it hits is in the tables below
			statement.execute("""
					create table failure_group (
					    fingerprint  bigint primary key,
					    failure_type varchar(1000) not null,
					    message      varchar(1000) not null,
					    frames       varchar(4000) not null,
					    -- the first failure's message as it was, for people to read
					    sample       varchar(2000)
					)""");
			// per group and run: how many of the run's failures it holds (first and last seen, runs, days)
			statement.execute("""
					create table failure_group_run (
					    fingerprint  bigint not null,
					    run_id       bigint not null,
					    run_day      date not null,
					    failures     bigint not null,
					    constraint failure_group_run_key primary key (run_id, fingerprint)
					)""");
			statement.execute("create index failure_group_run_group on failure_group_run (fingerprint, run_day)");
			statement.execute("create index failure_group_run_day on failure_group_run (run_day, fingerprint)");
			// one row per failed or erroneous case: which tests a group hits, in a run or over days
			statement.execute("""
					create table failure_case (
					    fingerprint  bigint not null,
					    run_id       bigint not null,
					    run_day      date not null,
					    test_key     bigint not null
					)""");
			statement.execute("create index failure_case_run on failure_case (run_id, fingerprint, test_key)");
			statement.execute("create index failure_case_group on failure_case (fingerprint, run_day, test_key)");
			// every test ever stored, by identity: what "find a test" searches (a few thousand rows, not the cases)
			statement.execute("""
					create table test_identity (
					    test_key    bigint primary key,
					    class_name  varchar(1000) not null,
					    name        varchar(1000) not null,
					    -- both in lower case (Java's, whatever the database's locale), for a case-insensitive "contains"
					    search      varchar(2001) not null
					)""");
		}
		Map<Long, TestName> tests = new HashMap<>();
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(
						"select test_key, min(class_name), min(name) from test_case group by test_key")) {
			while (rows.next()) {
				tests.put(rows.getLong(1), new TestName(rows.getString(2), rows.getString(3)));
			}
		}
		TestDirectory.insert(new JdbcTemplate(new SingleConnectionDataSource(connection, true)),
				Database.isPostgreSQL(connection), tests);
		List<Object[]> runs = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select id, run_day from test_run order by id")) {
			while (rows.next()) {
				runs.add(new Object[] { rows.getLong(1), rows.getObject(2, LocalDate.class) });
			}
		}
		for (Object[] run : runs) {
			backfill(connection, (Long) run[0], (LocalDate) run[1]);
		}
	}

	/** One run's failures, grouped as ingestion groups them. */
	private static void backfill(Connection connection, long runId, LocalDate day) throws SQLException {
		FailureTally tally = new FailureTally();
		try (PreparedStatement read = connection.prepareStatement("""
				select test_key, failure_type, message, trace from test_case
				where run_id = ? and outcome in ('F', 'E') order by id""")) {
			read.setLong(1, runId);
			try (ResultSet rows = read.executeQuery()) {
				while (rows.next()) {
					tally.add(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4));
				}
			}
		}
		tally.store(connection, runId, day);
	}

}
