package db.migration.results;

import java.sql.SQLException;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Drops the foreign key of {@code test_streak} to its run. Files lock only the tests they touch: a file carrying a
 * streak forward into a run being deleted waited, for the key's check, on the deletion, while the deletion waited
 * for that test's lock. A run's streak rows go with it in {@code Streaks.forget}. A Java migration because the
 * constraint's name differs between PostgreSQL and H2 (as in V6).
 */
public class V21__Streaks_without_foreign_keys extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws SQLException {
		ForeignKeys.drop(context.getConnection(), "test_streak");
	}

}
