package dev.tower.results.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.tower.TowerTest;
import dev.tower.database.InMemoryH2;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import dev.tower.results.report.CaseResult;
import dev.tower.results.report.Outcome;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Version 10 narrows the duplicate rule from "the same content anywhere" to "the same content in the same run from the
 * same host", on a database that already holds results, on PostgreSQL and on the development H2 alike.
 */
@TowerTest
class DuplicateRuleMigrationTests {

	@Test
	void keepsTheFilesAndLetsIdenticalContentIntoAnotherRunOnPostgreSql(@Autowired DataSource pool) throws Exception {
		// Connections of its own, closed after use: Flyway and setSchema change a connection's search path, and a
		// pooled connection would carry it into the next test, which would then write into this schema.
		HikariDataSource hikari = (HikariDataSource) pool;
		DataSource postgres = new DriverManagerDataSource(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());
		try {
			migrateHoldingResults(postgres, "before_v10");
		}
		finally {
			try (Connection connection = postgres.getConnection(); Statement statement = connection.createStatement()) {
				statement.execute("drop schema if exists before_v10 cascade");
			}
		}
	}

	@Test
	void keepsTheFilesAndLetsIdenticalContentIntoAnotherRunOnH2() throws Exception {
		JdbcDataSource h2 = InMemoryH2.named("before_v10");
		try (Connection keepAlive = h2.getConnection()) {
			migrateHoldingResults(h2, "before_v10");

			// and the development database adds to the statistics with its own upsert
			JdbcDataSource migrated = new JdbcDataSource();
			migrated.setURL(h2.getURL() + ";SCHEMA=before_v10");
			migrated.setUser("sa");
			TestStatistics statistics = new TestStatistics(new JdbcTemplate(migrated));
			for (int file = 0; file < 2; file++) {
				var tally = new TestStatistics.Tally();
				tally.add(7, new CaseResult("com.acme.T", "t", 1.5 + file, file == 0 ? Outcome.FAILED : Outcome.PASSED,
						null, null, null, null, null, 0));
				statistics.add(LocalDate.of(2026, 12, 1), Instant.parse("2026-12-01T02:0" + file + ":00Z"), tally);
			}
			assertThat(JdbcClient.create(migrated).sql("""
					select runs, failures, seconds_sum, seconds_max, last_run, last_failure from test_day""")
				.query((rs, row) -> rs.getLong(1) + " " + rs.getLong(2) + " " + rs.getDouble(3) + " " + rs.getDouble(4)
						+ " " + rs.getTimestamp(5).toInstant() + " " + rs.getTimestamp(6).toInstant())
				.single()).isEqualTo("2 1 4.0 2.5 2026-12-01T02:01:00Z 2026-12-01T02:00:00Z");
		}
	}

	private static void migrateHoldingResults(DataSource dataSource, String schema) throws SQLException {
		flyway(dataSource, schema).target("8").load().migrate();
		try (Connection connection = inSchema(dataSource, schema); Statement sql = connection.createStatement()) {
			sql.execute("""
					insert into test_run (id, run_key, name, owner, site, run_tag, created_at, started_at, files)
					values (1, 'k1', 'build-1', 'qa', 'lab', 'Development', current_timestamp, current_timestamp, 1),
					       (2, 'k2', 'build-2', 'qa', 'lab', 'Development', current_timestamp, current_timestamp, 0)""");
			sql.execute(file(1, "h1", "same"));
			sql.execute(file(1, "h1", "other"));
		}

		flyway(dataSource, schema).load().migrate();

		try (Connection connection = inSchema(dataSource, schema); Statement sql = connection.createStatement()) {
			try (var rows = sql.executeQuery("select count(*) from result_file")) {
				rows.next();
				assertThat(rows.getLong(1)).isEqualTo(2);
			}
			sql.execute(file(2, "h1", "same"));
			sql.execute(file(1, "h2", "same"));
			assertThatThrownBy(() -> sql.execute(file(1, "h1", "same"))).isInstanceOf(SQLException.class);
		}
	}

	private static Connection inSchema(DataSource dataSource, String schema) throws SQLException {
		Connection connection = dataSource.getConnection();
		connection.setSchema(schema);
		return connection;
	}

	private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(DataSource dataSource, String schema) {
		return Flyway.configure().dataSource(dataSource).schemas(schema).locations("classpath:db/migration");
	}

	private static String file(long run, String host, String sha256) {
		return """
				insert into result_file (created_at, run_id, host, run_dir, file_path, file_name, full_name, file_type,
				                         file_size, sha256, status)
				values (current_timestamp, %d, '%s', 'd', 'd', 'f.xml', 'd/f.xml', 'junit', 1, '%s', 'INGESTED')"""
			.formatted(run, host, sha256);
	}

}
