package dev.tower.results.report;

import java.util.Arrays;
import java.util.Locale;

/**
 * Collects a text up to a number of characters and only counts the rest, so a gigabyte of {@code system-out}
 * costs the bound in memory, not a gigabyte. One instance is reused for every text of a report.
 */
final class BoundedText {

	private final int limit;

	private char[] chars = new char[256];

	private int length;

	private long dropped;

	BoundedText(int limit) {
		this.limit = limit;
	}

	BoundedText reset() {
		length = 0;
		dropped = 0;
		return this;
	}

	void append(char[] source, int start, int count) {
		int kept = Math.min(count, limit - length);
		if (kept > 0) {
			if (length + kept > chars.length) {
				chars = Arrays.copyOf(chars, (int) Math.min(limit, Math.max(length + kept, 2L * chars.length)));
			}
			System.arraycopy(source, start, chars, length, kept);
			length += kept;
		}
		dropped += count - kept;
	}

	/** The text with a truncation marker when it was cut, or null when it is empty or only whitespace. */
	String toStringOrNull() {
		if (dropped == 0) {
			for (int i = 0; i < length; i++) {
				if (!Character.isWhitespace(chars[i])) {
					return new String(chars, 0, length);
				}
			}
			return null;
		}
		int kept = length;
		if (kept > 0 && Character.isHighSurrogate(chars[kept - 1])) {
			kept--; // never end on half a character
		}
		return new String(chars, 0, kept) + marker(dropped + length - kept);
	}

	/** The same bound for a text that arrives whole, such as an attribute value. */
	static String cut(String text, int limit) {
		if (text == null || text.length() <= limit) {
			return text;
		}
		int kept = Character.isHighSurrogate(text.charAt(limit - 1)) ? limit - 1 : limit;
		return text.substring(0, kept) + marker(text.length() - kept);
	}

	static String marker(long dropped) {
		return String.format(Locale.ROOT, "\n… [truncated %,d %s]", dropped, dropped == 1 ? "character" : "characters");
	}

}
