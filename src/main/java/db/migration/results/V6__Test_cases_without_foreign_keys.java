package db.migration.results;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Drops the foreign keys of {@code test_case}. PostgreSQL checks them row by row with a trigger, which made up more
 * than half of its work while ingesting (see docs/benchmarks.md). Cases are written only inside their file's
 * transaction, just after their suite and run rows, so the keys guarded nothing the code does not; whoever deletes
 * runs or suites must delete their cases too.
 * <p>
 * A Java migration because the constraints' names differ between PostgreSQL and H2. It sits beside the SQL ones
 * of {@code src/main/resources/db/migration/results}: Flyway's {@code classpath:db/migration} finds classes as
 * well as scripts, so it needs a public class with a public no-argument constructor and no Spring bean.
 */
public class V6__Test_cases_without_foreign_keys extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		List<String> constraints = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				var rows = statement.executeQuery("""
						select constraint_name from information_schema.table_constraints
						where lower(table_name) = 'test_case' and constraint_type = 'FOREIGN KEY'
						  and table_schema = current_schema""")) {
			while (rows.next()) {
				constraints.add(rows.getString(1));
			}
		}
		try (Statement statement = connection.createStatement()) {
			for (String constraint : constraints) {
				statement.execute("alter table test_case drop constraint \"" + constraint + "\"");
			}
		}
	}

}
