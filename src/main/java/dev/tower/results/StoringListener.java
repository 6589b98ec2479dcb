package dev.tower.results;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

import tools.jackson.databind.json.JsonMapper;

/**
 * Stores a report as the parser streams it: suite rows as they open and close, cases through the writer, which
 * buffers them (the suite rows may go in between its flushes).
 */
final class StoringListener implements ReportListener {

	private final ResultStore store;

	private final CaseWriter cases;

	private final JsonMapper json;

	private final long runId;

	private final long fileId;

	private final String host;

	private final Deque<Long> openSuites = new ArrayDeque<>();

	private Instant earliest;

	private double seconds;

	private long suites;

	StoringListener(ResultStore store, CaseWriter cases, JsonMapper json, long runId, long fileId, String host,
			Instant fileTime) {
		this.store = store;
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
	public void testCase(CaseResult testCase) {
		if (openSuites.isEmpty()) {
			throw new MalformedReportException("a <testcase> outside any <testsuite>");
		}
		try {
			cases.add(runId, openSuites.peek(), testCase);
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

	/** The earliest suite timestamp, or the file's time when none is earlier. */
	Instant earliest() {
		return earliest;
	}

	long suites() {
		return suites;
	}

}
