package dev.tower.results.failures;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.tower.database.BulkInsert;
import dev.tower.database.Database;

/**
 * One file's failures by fingerprint, collected as the cases pass and stored with the file, in its transaction:
 * a row per failed case, the group's share of the run, and the group itself on first sight.
 */
public final class FailureTally {

	private static final List<String> CASE_COLUMNS = List.of("fingerprint", "run_id", "run_day", "test_key");

	/** Adds to a run's share; H2 (development) has no {@code on conflict do update}, its standard MERGE does it. */
	private static final String POSTGRES_RUN_UPSERT = """
			insert into failure_group_run (fingerprint, run_id, run_day, failures) values (?, ?, ?, ?)
			on conflict (run_id, fingerprint) do update set failures = failure_group_run.failures + excluded.failures""";

	private static final String H2_RUN_UPSERT = """
			merge into failure_group_run g
			using (values (cast(? as bigint), cast(? as bigint), cast(? as date), cast(? as bigint)))
			    as v(fingerprint, run_id, run_day, failures)
			on g.run_id = v.run_id and g.fingerprint = v.fingerprint
			when matched then update set failures = g.failures + v.failures
			when not matched then insert values (v.fingerprint, v.run_id, v.run_day, v.failures)""";

	/** Sorted, so that ingesters storing the same groups lock their rows in the same order. */
	private final Map<Long, Group> groups = new TreeMap<>();

	private final List<long[]> hits = new ArrayList<>();

	private static final class Group {

		final Fingerprint fingerprint;

		final String sample;

		long failures;

		Group(Fingerprint fingerprint, String sample) {
			this.fingerprint = fingerprint;
			this.sample = sample == null || sample.length() <= 2000 ? sample : sample.substring(0, 2000);
		}

	}

	/** A failed or erroneous case of the test {@code testKey}. */
	public void add(long testKey, String type, String message, String trace) {
		Fingerprint fingerprint = Fingerprint.of(type, message, trace);
		groups.computeIfAbsent(fingerprint.hash(), hash -> new Group(fingerprint, message)).failures++;
		hits.add(new long[] { fingerprint.hash(), testKey });
	}

	public boolean isEmpty() {
		return hits.isEmpty();
	}

	/** Stores the tally as the run's, under the day the run counts under, on the caller's connection. */
	public void store(Connection connection, long runId, LocalDate day) throws SQLException {
		if (hits.isEmpty()) {
			return;
		}
		Date runDay = Date.valueOf(day);
		try (BulkInsert cases = BulkInsert.into(connection, "failure_case", CASE_COLUMNS)) {
			for (long[] hit : hits) {
				cases.value(hit[0]).value(runId).value(day.toString()).value(hit[1]).endRow();
			}
			cases.flush();
		}
		boolean postgres = Database.isPostgreSQL(connection);
		try (PreparedStatement group = connection.prepareStatement("""
				insert into failure_group (fingerprint, failure_type, message, frames, sample)
				values (?, ?, ?, ?, ?) on conflict do nothing""");
				PreparedStatement share = connection.prepareStatement(postgres ? POSTGRES_RUN_UPSERT : H2_RUN_UPSERT)) {
			for (Group g : groups.values()) {
				group.setLong(1, g.fingerprint.hash());
				group.setString(2, g.fingerprint.type());
				group.setString(3, g.fingerprint.message());
				group.setString(4, g.fingerprint.frames());
				group.setString(5, g.sample);
				group.addBatch();
				share.setLong(1, g.fingerprint.hash());
				share.setLong(2, runId);
				share.setDate(3, runDay);
				share.setLong(4, g.failures);
				share.addBatch();
			}
			group.executeBatch();
			share.executeBatch();
		}
	}

}
