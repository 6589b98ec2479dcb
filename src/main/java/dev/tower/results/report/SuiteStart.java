package dev.tower.results.report;

import java.time.Instant;
import java.util.Map;

/**
 * A {@code <testsuite>} as its start tag and leading {@code <properties>} describe it.
 *
 * @param name the suite's name, "" when absent
 * @param hostname the {@code hostname} attribute, or null
 * @param timestamp the {@code timestamp} attribute when it could be read in any common form, else null
 * @param properties {@code <property name value>} pairs in document order (bounded in number and size)
 * @param depth 0 for a top-level suite, 1 for a suite inside it, …
 */
public record SuiteStart(String name, String hostname, Instant timestamp, Map<String, String> properties, int depth) {
}
