package db.migration.results;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Drops a table's foreign keys, whose names differ between PostgreSQL and H2. For the migrations of this package. */
final class ForeignKeys {

	private ForeignKeys() {
	}

	static void drop(Connection connection, String table) throws SQLException {
		List<String> constraints = new ArrayList<>();
		try (var statement = connection.prepareStatement("""
				select constraint_name from information_schema.table_constraints
				where lower(table_name) = ? and constraint_type = 'FOREIGN KEY' and table_schema = current_schema""")) {
			statement.setString(1, table);
			try (var rows = statement.executeQuery()) {
				while (rows.next()) {
					constraints.add(rows.getString(1));
				}
			}
		}
		try (Statement statement = connection.createStatement()) {
			for (String constraint : constraints) {
				statement.execute("alter table " + table + " drop constraint \"" + constraint + "\"");
			}
		}
	}

}
