package dev.tower.results.report;

/**
 * Receives a JUnit XML report as the parser streams through it: suites open and close (nested suites nest),
 * and every test case arrives inside the innermost open suite. Nothing is held back, so a report of any size
 * passes through in constant memory.
 */
public interface ReportListener {

	void suiteStarted(SuiteStart suite);

	void testCase(CaseResult testCase);

	void suiteFinished(SuiteEnd suite);

}
