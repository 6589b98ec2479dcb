package db.migration.results;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import dev.tower.database.Database;

/**
 * Indexes for the insights over {@code test_day} (docs/benchmarks.md, section 10), on PostgreSQL:
 * <ul>
 * <li>{@code test_day_failing}: the few days with a failure or a rerun, which the failing and flaky lists read.
 * Without it they read every day of every test in the window (1.45 million rows at 3 million cases) to keep one in
 * a thousand.</li>
 * <li>{@code test_day_by_mean}: the days by their average duration, slowest first, for the slowest list's bound
 * ({@code ResultsQueries.slowest}). It holds what that scan needs, so the scan stays in the index. A row's
 * {@code runs} is never 0 once committed, but a run's deletion passes through 0 before it deletes the row.</li>
 * </ul>
 * A Java migration because H2 (development) has neither partial nor expression indexes; its histories are small.
 */
public class V19__Insight_indexes extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		if (!Database.isPostgreSQL(connection)) {
			return;
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute("""
					create index test_day_failing on test_day (run_day, test_key) include (failures, reruns, last_failure)
					where failures > 0 or reruns > 0""");
			statement.execute("""
					create index test_day_by_mean on test_day ((seconds_sum / greatest(runs, 1)) desc, run_day)
					include (test_key, seconds_sum, runs)""");
		}
	}

}
