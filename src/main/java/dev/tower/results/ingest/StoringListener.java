package dev.tower.results.ingest;

import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import dev.tower.database.BulkInsert;
import dev.tower.results.failures.FailureTally;
import dev.tower.results.report.CaseResult;
import dev.tower.results.report.MalformedReportException;
import dev.tower.results.report.Outcome;
import dev.tower.results.report.ReportListener;
import dev.tower.results.report.SuiteEnd;
import dev.tower.results.report.SuiteStart;
import dev.tower.results.tests.TestDirectory;
import dev.tower.results.tests.TestDirectory.TestName;

/**
 * Stores a report as the parser streams it: suite rows as they open and close, cases in bulk, buffered (the suite
 * rows go in between the bulk writes), tallied per test for the statistics and per fingerprint for the failure groups
 * as they pass, and the tests not seen before noted for the directory of tests.
 */
final class StoringListener implements ReportListener {

	static final List<String> CASE_COLUMNS = List.of("run_id", "suite_id", "test_key", "class_name", "name", "outcome",
			"seconds", "reruns", "message", "failure_type", "trace", "system_out", "system_err");

	/** Each outcome's one-character code as text, made once rather than per case. */
	private static final String[] OUTCOME_CODES = Arrays.stream(Outcome.values())
		.map(outcome -> String.valueOf(outcome.code()))
		.toArray(String[]::new);

	private final ResultStore store;

	private final BulkInsert cases;

	private final JsonMapper json;

	private final long runId;

	private final long fileId;

	private final String host;

	private final Deque<Long> openSuites = new ArrayDeque<>();

	private final TestStatistics.Tally tally = new TestStatistics.Tally();

	private final FailureTally failures = new FailureTally();

	private final TestDirectory directory;

	private final Map<Long, TestName> newTests = new HashMap<>();

	private Instant earliest;

	private double seconds;

	private long suites;

	StoringListener(ResultStore store, BulkInsert cases, JsonMapper json, TestDirectory directory, long runId,
			long fileId, String host, Instant fileTime) {
		this.store = store;
		this.directory = directory;
		this.cases = cases;
		this.json = json;
		this.runId = runId;
		this.fileId = fileId;
		this.host = host;
		this.earliest = fileTime;
	}

	@Override
	public void suiteStarted(SuiteStart suite) {
		String properties = suite.properties().isEmpty() ? null : json.writeValueAsString(suite.properties());
		openSuites.push(store.insertSuite(runId, fileId, openSuites.peek(), host, suite, properties));
		if (suite.timestamp() != null && suite.timestamp().isBefore(earliest)) {
			earliest = suite.timestamp();
		}
		suites++;
	}

	@Override
	public void testCase(CaseResult c) {
		if (openSuites.isEmpty()) {
			throw new MalformedReportException("a <testcase> outside any <testsuite>");
		}
		long suiteId = openSuites.peek();
		long testKey = TestKey.of(c.className(), c.name());
		tally.add(testKey, c);
		String className = ResultStore.clip(c.className(), 1000);
		String name = ResultStore.clip(c.name(), 1000);
		if (!directory.isKnown(testKey)) {
			newTests.putIfAbsent(testKey, new TestName(className, name));
		}
		if (c.outcome() == Outcome.FAILED || c.outcome() == Outcome.ERROR) {
			failures.add(testKey, c.type(), c.message(), c.trace());
		}
		try {
			cases.value(runId).value(suiteId).value(testKey)
				.value(className).value(name)
				.value(OUTCOME_CODES[c.outcome().ordinal()]).value(c.seconds())
				.value(c.reruns()).value(c.message()).value(ResultStore.clip(c.type(), 1000)).value(c.trace())
				.value(c.systemOut())
				.value(c.systemErr())
				.endRow();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("could not store a test case: " + ex.getMessage(), ex);
		}
	}

	@Override
	public void suiteFinished(SuiteEnd suite) {
		store.finishSuite(openSuites.pop(), suite);
		if (openSuites.isEmpty()) {
			seconds += suite.seconds();
		}
	}

	/** The sum of the top-level suites' times. */
	double seconds() {
		return seconds;
	}

	/**
	 * The earliest suite timestamp, or the file's time when none is earlier; to the microsecond, as the database
	 * keeps it, so that a run's place read back equals the one its file counted under.
	 */
	Instant earliest() {
		return earliest.truncatedTo(ChronoUnit.MICROS);
	}

	/** The file's results per test, for the statistics. */
	TestStatistics.Tally tally() {
		return tally;
	}

	/** The file's failures by fingerprint, for the failure groups. */
	FailureTally failures() {
		return failures;
	}

	/** The file's tests that the directory did not know. */
	Map<Long, TestName> newTests() {
		return newTests;
	}

	long suites() {
		return suites;
	}

}
