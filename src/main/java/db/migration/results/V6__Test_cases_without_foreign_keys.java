package db.migration.results;

import java.sql.SQLException;

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
		ForeignKeys.drop(context.getConnection(), "test_case");
	}

}
