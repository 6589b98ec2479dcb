package dev.tower.database;

import java.sql.Connection;
import java.sql.SQLException;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcOperations;

/**
 * Which database Tower runs on: PostgreSQL in production and the tests, H2 in development, where a few statements
 * differ.
 */
public final class Database {

	private Database() {
	}

	public static boolean isPostgreSQL(Connection connection) throws SQLException {
		return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
	}

	public static boolean isPostgreSQL(JdbcOperations jdbc) {
		return Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) Database::isPostgreSQL));
	}

}
