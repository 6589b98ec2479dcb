package db.migration.results;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import dev.tower.database.Database;

/**
 * Drops {@code test_day_by_day} on PostgreSQL, where V19's indexes now serve every read it served, and a run's
 * deletion finds its days by test: each file's statistics paid for keeping it (docs/benchmarks.md, section 12).
 * H2 (development) keeps it: it has neither of V19's indexes.
 */
public class V20__Test_days_without_the_day_index extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		if (!Database.isPostgreSQL(connection)) {
			return;
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute("drop index test_day_by_day");
		}
	}

}
