package dev.tower.results.report;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * Reads {@code time} and {@code timestamp} as the tools that write JUnit XML actually write them, which is not
 * always as the schema says.
 */
final class AttributeValues {

	/** What {@link #seconds} answers for a value it cannot read. */
	static final double UNREADABLE = -1;

	private static final double[] POWERS_OF_TEN = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
			1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22 };

	/** Beyond this a long mantissa no longer converts to a double exactly. */
	private static final long EXACT_MANTISSA = 1L << 53;

	private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder().parseCaseInsensitive()
		.append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
		.optionalStart()
		.appendOffset("+HH:MM:ss", "Z")
		.optionalEnd()
		.optionalStart()
		.appendOffset("+HHMM", "Z")
		.optionalEnd()
		.toFormatter(Locale.ROOT);

	private AttributeValues() {
	}

	/**
	 * A duration in seconds, or {@link #UNREADABLE} when absent, empty, negative or not a number. Surefire in some
	 * locales wrote "1,234.5" (grouping) or "0,5" (decimal comma): when both separators appear the last one is the
	 * decimal point; a single comma alone is a decimal comma, several are grouping. Runs once per test case, so the
	 * common plain forms are read without regular expressions or allocation.
	 */
	static double seconds(String text) {
		if (text == null) {
			return UNREADABLE;
		}
		int start = 0;
		int end = text.length();
		while (start < end && text.charAt(start) <= ' ') {
			start++;
		}
		while (end > start && text.charAt(end - 1) <= ' ') {
			end--;
		}
		if (start == end) {
			return UNREADABLE;
		}
		int lastDot = -1, lastComma = -1, dots = 0, commas = 0;
		for (int i = start; i < end; i++) {
			char c = text.charAt(i);
			if (c == '.') {
				lastDot = i;
				dots++;
			}
			else if (c == ',') {
				lastComma = i;
				commas++;
			}
			else if (c < '0' || c > '9') {
				return slowly(text.substring(start, end));
			}
		}
		int decimalPoint;
		if (dots > 0 && commas > 0) {
			decimalPoint = Math.max(lastDot, lastComma);
		}
		else if (dots + commas == 1) {
			decimalPoint = Math.max(lastDot, lastComma);
		}
		else {
			decimalPoint = -1; // only grouping separators, or none
		}
		long mantissa = 0;
		int digits = 0, fractionDigits = 0;
		for (int i = start; i < end; i++) {
			char c = text.charAt(i);
			if (c >= '0' && c <= '9') {
				mantissa = mantissa * 10 + (c - '0');
				digits++;
				if (i > decimalPoint && decimalPoint >= 0) {
					fractionDigits++;
				}
				if (mantissa >= EXACT_MANTISSA || fractionDigits >= POWERS_OF_TEN.length) {
					return slowly(plain(text, start, end, decimalPoint));
				}
			}
			else if (i > decimalPoint && decimalPoint >= 0 && c != text.charAt(decimalPoint)) {
				return UNREADABLE; // a grouping separator after the decimal point: "1.5,3"
			}
		}
		if (digits == 0) {
			return UNREADABLE;
		}
		// both exact, so the division rounds once, exactly as Double.parseDouble would
		return mantissa / POWERS_OF_TEN[fractionDigits];
	}

	private static String plain(String text, int start, int end, int decimalPoint) {
		StringBuilder plain = new StringBuilder(end - start);
		for (int i = start; i < end; i++) {
			char c = text.charAt(i);
			if (c >= '0' && c <= '9') {
				plain.append(c);
			}
			else if (i == decimalPoint) {
				plain.append('.');
			}
		}
		return plain.toString();
	}

	private static double slowly(String text) {
		try {
			double seconds = Double.parseDouble(text);
			return Double.isFinite(seconds) && seconds >= 0 ? seconds : UNREADABLE;
		}
		catch (NumberFormatException ex) {
			return UNREADABLE;
		}
	}

	/**
	 * A suite's start: ISO-8601 with or without a zone ({@code Z}, {@code +01:00}, {@code +0100}), with or without
	 * fractions, with a space instead of the {@code T}, or epoch milliseconds. UTC when no zone is given; null when
	 * absent or unreadable.
	 */
	static Instant timestamp(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String value = text.strip();
		try {
			if (value.chars().allMatch(c -> c >= '0' && c <= '9')) {
				return value.length() <= 18 ? Instant.ofEpochMilli(Long.parseLong(value)) : null;
			}
			if (value.length() > 10 && value.charAt(10) == ' ') {
				value = value.substring(0, 10) + 'T' + value.substring(11);
			}
			TemporalAccessor parsed = TIMESTAMP.parseBest(value, OffsetDateTime::from, LocalDateTime::from);
			return parsed instanceof OffsetDateTime withOffset ? withOffset.toInstant()
					: ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException | ArithmeticException ex) {
			return null;
		}
	}

}
