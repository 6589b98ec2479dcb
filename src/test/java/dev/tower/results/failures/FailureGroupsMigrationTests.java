package dev.tower.results.failures;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;

import javax.sql.DataSource;

import dev.tower.TowerTest;
import dev.tower.database.InMemoryH2;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Version 14 groups the failures already stored and fills the directory of tests, on PostgreSQL and on the
 * development H2 alike; a later file of the same run then adds to the same groups.
 */
@TowerTest
class FailureGroupsMigrationTests {

	@Test
	void groupsStoredFailuresOnPostgreSql(@Autowired DataSource postgres) throws Exception {
		try (Connection connection = postgres.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("drop schema if exists before_v14 cascade");
		}
		migrateHoldingFailures(postgres);
	}

	@Test
	void groupsStoredFailuresOnH2() throws Exception {
		JdbcDataSource h2 = InMemoryH2.named("before_v14");
		try (Connection keepAlive = h2.getConnection()) {
			migrateHoldingFailures(h2);
		}
	}

	private static void migrateHoldingFailures(DataSource dataSource) throws SQLException {
		Flyway.configure().dataSource(dataSource).schemas("before_v14").locations("classpath:db/migration").target("11")
			.load().migrate();
		try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
			connection.setSchema("before_v14");
			sql.execute("""
					insert into test_run (id, run_key, name, owner, site, run_tag, created_at, started_at, files, run_day)
					values (1, 'k1', 'build-1', 'qa', 'lab', 'Development', current_timestamp, current_timestamp, 1,
					        date '2026-12-01')""");
			sql.execute("""
					insert into result_file (id, created_at, run_id, host, run_dir, file_path, file_name, full_name,
					                         file_type, file_size, sha256, status)
					values (1, current_timestamp, 1, 'h1', 'd', 'd', 'f.xml', 'd/f.xml', 'junit', 1, 'x', 'INGESTED')""");
			sql.execute("""
					insert into test_suite (id, run_id, file_id, host, name, seconds, tests, failures, errors, skipped)
					values (1, 1, 1, 'h1', 's', 1, 4, 3, 0, 0)""");
			sql.execute("""
					insert into test_case (run_id, suite_id, test_key, class_name, name, outcome, seconds, reruns, message,
					                       failure_type, trace)
					values (1, 1, 11, 'com.acme.DbTest', 'saves', 'F', 1, 0, 'Connection to localhost:5432 refused.',
					        'org.postgresql.util.PSQLException', null),
					       (1, 1, 12, 'com.acme.DbTest', 'lists', 'E', 1, 0, 'Connection to localhost:5433 refused.',
					        'org.postgresql.util.PSQLException', null),
					       (1, 1, 13, 'com.acme.CartTest', 'adds', 'F', 1, 0, 'expected 2 but was 3',
					        'java.lang.AssertionError', null),
					       (1, 1, 14, 'com.acme.CartTest', 'Ümlaut', 'P', 1, 0, null, null, null)""");
		}

		Flyway.configure().dataSource(dataSource).schemas("before_v14").locations("classpath:db/migration").load().migrate();

		try (Connection connection = dataSource.getConnection()) {
			connection.setSchema("before_v14");
			JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
			assertThat(jdbc.sql("select failures from failure_group_run order by failures desc").query(Long.class).list())
				.containsExactly(2L, 1L);
			assertThat(jdbc.sql("select count(*) from failure_case").query(Long.class).single()).isEqualTo(3);
			assertThat(jdbc.sql("select message from failure_group order by message").query(String.class).list())
				.containsExactly("Connection to <host:port> refused.", "expected <n> but was <n>");
			assertThat(jdbc.sql("select search from test_identity where test_key = 14").query(String.class).single())
				.isEqualTo("com.acme.carttest\nümlaut");

			// a later file of the same run adds to its groups
			FailureTally tally = new FailureTally();
			tally.add(15, "org.postgresql.util.PSQLException", "Connection to localhost:6000 refused.", null);
			tally.store(connection, 1, LocalDate.of(2026, 12, 1));
			assertThat(jdbc.sql("select failures from failure_group_run order by failures desc").query(Long.class).list())
				.containsExactly(3L, 1L);
		}
	}

}
