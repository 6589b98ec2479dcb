package dev.tower.results.report;

/**
 * How much of a report the parser will read and keep.
 *
 * @param maxBytes the report's size in bytes; a larger report is refused
 * @param maxTextChars the most characters kept of any one text (trace, output, message, property), the rest is
 *        counted and dropped
 * @param maxProperties the most {@code <property>} entries kept per suite, the rest are dropped
 */
public record ParserLimits(long maxBytes, int maxTextChars, int maxProperties) {

	static final ParserLimits DEFAULTS = new ParserLimits(2L * 1024 * 1024 * 1024, 64 * 1024, 200);

	public ParserLimits {
		if (maxBytes <= 0 || maxTextChars <= 0 || maxProperties < 0) {
			throw new IllegalArgumentException("limits must be positive: " + maxBytes + ", " + maxTextChars + ", " + maxProperties);
		}
	}

}
