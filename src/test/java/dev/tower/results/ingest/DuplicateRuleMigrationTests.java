package dev.tower.results.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import dev.tower.TowerTest;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Version 9 narrows the duplicate rule from "the same content anywhere" to "the same content in the same run from the
 * same host", on a database that already holds results, on PostgreSQL and on the development H2 alike.
 */
@TowerTest
class DuplicateRuleMigrationTests {

	@Test
	void keepsTheFilesAndLetsIdenticalContentIntoAnotherRunOnPostgreSql(@Autowired DataSource postgres) throws Exception {
		try (Connection connection = postgres.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("drop schema if exists before_v9 cascade");
		}
		migrateHoldingResults(postgres, "before_v9");
	}

	@Test
	void keepsTheFilesAndLetsIdenticalContentIntoAnotherRunOnH2() throws Exception {
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:mem:before_v9;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
		h2.setUser("sa");
		try (Connection keepAlive = h2.getConnection()) {
			migrateHoldingResults(h2, "before_v9");
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
