package dev.tower.results.report;

/** Test cases counted by outcome; {@code flaky} counts passed cases that Surefire reran after a failure. */
public record CaseCounts(long tests, long failures, long errors, long skipped, long flaky) {

	public static final CaseCounts NONE = new CaseCounts(0, 0, 0, 0, 0);

	public long passed() {
		return tests - failures - errors - skipped;
	}

	public CaseCounts plus(CaseCounts other) {
		return new CaseCounts(tests + other.tests, failures + other.failures, errors + other.errors,
				skipped + other.skipped, flaky + other.flaky);
	}

	public CaseCounts plus(CaseResult testCase) {
		Outcome outcome = testCase.outcome();
		return new CaseCounts(tests + 1, failures + (outcome == Outcome.FAILED ? 1 : 0),
				errors + (outcome == Outcome.ERROR ? 1 : 0), skipped + (outcome == Outcome.SKIPPED ? 1 : 0),
				flaky + (testCase.flaky() ? 1 : 0));
	}

}
