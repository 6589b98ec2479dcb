package dev.tower.results.report;

/**
 * One {@code <testcase>}.
 *
 * @param className the {@code classname} attribute ("" when absent)
 * @param name the {@code name} attribute ("" when absent)
 * @param seconds the {@code time} attribute, 0 when absent or unreadable
 * @param outcome from the first {@code failure}, {@code error} or {@code skipped} child, else passed
 * @param message that child's {@code message} attribute, or null
 * @param type that child's {@code type} attribute, or null
 * @param trace that child's text (usually a stack trace), bounded, or null
 * @param systemOut the case's {@code system-out}, bounded, or null
 * @param systemErr the case's {@code system-err}, bounded, or null
 * @param reruns how many {@code flakyFailure}, {@code flakyError}, {@code rerunFailure} or {@code rerunError}
 *        children Surefire wrote: earlier attempts of a rerun test
 */
public record CaseResult(String className, String name, double seconds, Outcome outcome, String message, String type,
		String trace, String systemOut, String systemErr, int reruns) {

	/** Surefire's "flaky": the test failed at first and passed on a rerun. */
	boolean flaky() {
		return outcome == Outcome.PASSED && reruns > 0;
	}

}
