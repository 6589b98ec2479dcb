package dev.tower.results.changes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * A run's tests, each once, summed up as its cases are read (their {@link #columns}): failed if any case failed or
 * erred, passed if any passed, and the mean time of the cases not skipped. Kept in arrays, found by key through an
 * open-addressing table of their indexes: at 100,000 tests a run, sorting the keys and searching them for every case
 * took longer than reading the cases.
 */
final class RunTests implements RowCallbackHandler {

	private static final byte FAILED = 1;

	private static final byte PASSED = 2;

	private final boolean results;

	private long[] keys = new long[4096];

	private byte[] outcomes;

	private double[] seconds;

	private int[] timed;

	private int size;

	/** Per slot, the index of the test whose key hashes there plus one; 0 is free. Never over half full. */
	private int[] slots = new int[2 * keys.length];

	private RunTests(boolean results) {
		this.results = results;
		outcomes = results ? new byte[keys.length] : null;
		seconds = results ? new double[keys.length] : null;
		timed = results ? new int[keys.length] : null;
	}

	/** The tests' keys only. */
	static RunTests keys() {
		return new RunTests(false);
	}

	/** The tests with their outcomes and times. */
	static RunTests results() {
		return new RunTests(true);
	}

	/** What to select from {@code test_case} for them. */
	String columns() {
		return results ? "test_key, ascii(outcome), seconds" : "test_key";
	}

	@Override
	public void processRow(ResultSet rs) throws SQLException {
		int test = add(rs.getLong(1));
		if (results) {
			char outcome = (char) rs.getInt(2);
			if (outcome == 'F' || outcome == 'E') {
				outcomes[test] |= FAILED;
			}
			else if (outcome == 'P') {
				outcomes[test] |= PASSED;
			}
			if (outcome != 'S') {
				seconds[test] += rs.getDouble(3);
				timed[test]++;
			}
		}
	}

	/** The test's index, added when new. */
	int add(long key) {
		int slot = slot(key);
		while (slots[slot] != 0) {
			if (keys[slots[slot] - 1] == key) {
				return slots[slot] - 1;
			}
			slot = (slot + 1) & (slots.length - 1);
		}
		if (size == keys.length) {
			grow();
			return add(key);
		}
		keys[size] = key;
		slots[slot] = ++size;
		return size - 1;
	}

	/** The test's index, or -1 when the run did not have it. */
	int indexOf(long key) {
		for (int slot = slot(key); slots[slot] != 0; slot = (slot + 1) & (slots.length - 1)) {
			if (keys[slots[slot] - 1] == key) {
				return slots[slot] - 1;
			}
		}
		return -1;
	}

	/** Keys are hashes already; the multiply spreads the ones that differ only in their high bits. */
	private int slot(long key) {
		long mixed = key * 0x9E3779B97F4A7C15L;
		return (int) (mixed ^ (mixed >>> 32)) & (slots.length - 1);
	}

	private void grow() {
		int capacity = keys.length * 2;
		keys = Arrays.copyOf(keys, capacity);
		if (results) {
			outcomes = Arrays.copyOf(outcomes, capacity);
			seconds = Arrays.copyOf(seconds, capacity);
			timed = Arrays.copyOf(timed, capacity);
		}
		slots = new int[2 * capacity];
		for (int test = 0; test < size; test++) {
			int slot = slot(keys[test]);
			while (slots[slot] != 0) {
				slot = (slot + 1) & (slots.length - 1);
			}
			slots[slot] = test + 1;
		}
	}

	int size() {
		return size;
	}

	long key(int test) {
		return keys[test];
	}

	/** The keys of this run's tests that {@code other} lacks. */
	List<Long> missingFrom(RunTests other) {
		List<Long> missing = new ArrayList<>();
		for (int test = 0; test < size; test++) {
			if (other.indexOf(keys[test]) < 0) {
				missing.add(keys[test]);
			}
		}
		return missing;
	}

	boolean failed(int test) {
		return (outcomes[test] & FAILED) != 0;
	}

	boolean passed(int test) {
		return (outcomes[test] & PASSED) != 0;
	}

	/** The mean time of the test's cases that were not skipped; NaN when all were. */
	double mean(int test) {
		return seconds[test] / timed[test];
	}

	/** At least twice and a second slower than {@code then}'s test, both timed. */
	boolean slower(int test, RunTests then, int thenTest) {
		if (timed[test] == 0 || then.timed[thenTest] == 0) {
			return false;
		}
		double now = mean(test);
		double before = then.mean(thenTest);
		return now >= 2 * before && now >= before + 1;
	}

}
