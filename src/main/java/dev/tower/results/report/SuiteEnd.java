package dev.tower.results.report;

/**
 * A suite once its end tag is read.
 *
 * @param name as in {@link SuiteStart}
 * @param seconds the suite's {@code time}, or the sum of its cases' times when absent or unreadable
 * @param counts what its test cases (including nested suites') actually were, counted by the parser
 * @param systemOut the suite-level {@code system-out}, bounded, or null
 * @param systemErr the suite-level {@code system-err}, bounded, or null
 */
public record SuiteEnd(String name, double seconds, CaseCounts counts, String systemOut, String systemErr) {
}
