package dev.tower.results.tests;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.tower.database.Database;

/**
 * Every test ever stored, one row per identity ({@code test_identity}): what "find a test" searches, a few
 * thousand rows where the cases are millions. Ingestion registers the tests it has not seen; the keys it knows are
 * remembered once their transaction commits, so a file of known tests costs a look-up per case and no statement.
 * Rows are never deleted with runs (a test whose runs are all gone is simply not found), so what is remembered
 * stays true.
 */
@Repository
public class TestDirectory {

	/** Enough for every test of a large installation; past it, forgetting costs one statement per file. */
	private static final int REMEMBERED = 2_000_000;

	private final Set<Long> known = ConcurrentHashMap.newKeySet();

	private final JdbcTemplate jdbc;

	private final boolean postgres;

	TestDirectory(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		this.postgres = Database.isPostgreSQL(jdbc);
	}

	public boolean isKnown(long testKey) {
		return known.contains(testKey);
	}

	/**
	 * Adds tests not stored before, in the caller's transaction, and tells which of them it stored first: those have
	 * no results anywhere else, and no other ingester can store any until this transaction ends.
	 */
	public Set<Long> register(Map<Long, TestName> tests) {
		if (tests.isEmpty()) {
			return Set.of();
		}
		Set<Long> added = insert(jdbc, postgres, tests);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					remember(tests.keySet());
				}
			});
		}
		return added;
	}

	/**
	 * Adds the tests that are not there yet; also the migration's way, so both write the same rows. Sorted, so that
	 * ingesters adding the same tests lock them in the same order. On PostgreSQL one statement takes them all as
	 * arrays: a first run of 300,000 tests spent 3 of its 20 seconds on single inserts. Returns the keys it added.
	 */
	public static Set<Long> insert(JdbcTemplate jdbc, boolean postgres, Map<Long, TestName> tests) {
		TreeMap<Long, TestName> sorted = new TreeMap<>(tests);
		Set<Long> added = new HashSet<>();
		if (postgres) {
			jdbc.query(connection -> {
				PreparedStatement statement = connection.prepareStatement("""
						insert into test_identity (test_key, class_name, name, search)
						select * from unnest(cast(? as bigint[]), cast(? as varchar[]), cast(? as varchar[]),
						                     cast(? as varchar[]))
						order by 1
						on conflict do nothing
						returning test_key""");
				statement.setArray(1, connection.createArrayOf("bigint", sorted.keySet().toArray()));
				statement.setArray(2, connection.createArrayOf("varchar",
						sorted.values().stream().map(TestName::className).toArray()));
				statement.setArray(3, connection.createArrayOf("varchar",
						sorted.values().stream().map(TestName::name).toArray()));
				statement.setArray(4, connection.createArrayOf("varchar",
						sorted.values().stream().map(TestName::search).toArray()));
				return statement;
			}, (RowCallbackHandler) row -> added.add(row.getLong(1)));
			return added;
		}
		List<Object[]> rows = new ArrayList<>(tests.size());
		sorted.forEach((key, test) -> rows.add(new Object[] { key, test.className(), test.name(), test.search() }));
		int[] counts = jdbc.batchUpdate("""
				insert into test_identity (test_key, class_name, name, search) values (?, ?, ?, ?)
				on conflict do nothing""", rows);
		for (int i = 0; i < counts.length; i++) {
			if (counts[i] > 0) {
				added.add((Long) rows.get(i)[0]);
			}
		}
		return added;
	}

	/** Text folded to lower case the same way for the stored names and for what is searched. */
	static String searchable(String text) {
		return text.toLowerCase(Locale.ROOT);
	}

	/** Forgets what it remembers, for a table emptied behind the application's back (the tests do). */
	public void forget() {
		known.clear();
	}

	private void remember(Set<Long> keys) {
		if (known.size() + keys.size() > REMEMBERED) {
			known.clear();
		}
		known.addAll(keys);
	}

	/** A test's class name and name, as stored (at most 1,000 characters each). */
	public record TestName(String className, String name) {

		/** What "find a test" searches. */
		String search() {
			return searchable(className + "\n" + name);
		}

	}

}
