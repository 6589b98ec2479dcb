package dev.tower.results.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Keeps every event in order: the records themselves, and a one-line summary of each to check the sequence. */
final class RecordingListener implements ReportListener {

	final List<SuiteStart> starts = new ArrayList<>();

	final List<CaseResult> cases = new ArrayList<>();

	final List<SuiteEnd> ends = new ArrayList<>();

	final List<String> events = new ArrayList<>();

	@Override
	public void suiteStarted(SuiteStart suite) {
		starts.add(suite);
		events.add("start " + suite.name() + " at depth " + suite.depth());
	}

	@Override
	public void testCase(CaseResult testCase) {
		cases.add(testCase);
		events.add("case " + testCase.name() + " " + testCase.outcome());
	}

	@Override
	public void suiteFinished(SuiteEnd suite) {
		ends.add(suite);
		CaseCounts counts = suite.counts();
		events.add(String.format(Locale.ROOT, "end %s: %d tests, %d failures, %d errors, %d skipped, %d flaky",
				suite.name(), counts.tests(), counts.failures(), counts.errors(), counts.skipped(), counts.flaky()));
	}

	CaseResult testCase(String name) {
		return cases.stream()
			.filter(c -> c.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no test case " + name + " in " + events));
	}

	SuiteStart start(String name) {
		return starts.stream()
			.filter(s -> s.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no suite " + name + " in " + events));
	}

	SuiteEnd end(String name) {
		return ends.stream()
			.filter(s -> s.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no suite " + name + " in " + events));
	}

}
