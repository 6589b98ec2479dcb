package dev.tower.results;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.Locale;

/**
 * Sits between the decoder and the XML parser and follows the markup just enough to refuse, before the parser
 * sees them, what the parser would otherwise hold in memory or act on:
 * <ul>
 * <li>a DOCTYPE, the door to external entities and entity expansion (the parser is configured against them too);
 * <li>a tag, comment or processing instruction longer than {@link #MAX_MARKUP_CHARS}: the JDK's parser keeps each
 * of them whole, so a single gigabyte-long attribute would fill the heap. Text and CDATA are not limited here, the
 * parser hands them over in chunks.
 * </ul>
 * It also words decoding errors with the line and column where they happen.
 */
final class MarkupGuard extends FilterReader {

	/** Far above any real tag: a Surefire failure message attribute of a few hundred kilobytes is already rare. */
	static final int MAX_MARKUP_CHARS = 4 * 1024 * 1024;

	private static final int TEXT = 0, LESS_THAN = 1, BANG = 2, TAG = 3, COMMENT = 4, CDATA = 5, PROCESSING = 6;

	private final String encoding;

	private int state = TEXT;

	/** Inside a tag: the quote that opened the attribute value being read, or 0. */
	private char quote;

	/** Dashes before a possible {@code -->}, brackets before {@code ]]>}, or 1 after a {@code ?} before {@code ?>}. */
	private int run;

	private long position;

	private long line = 1;

	private long lineStart;

	private long markupStart;

	private long markupLine;

	private long markupColumn;

	MarkupGuard(Reader in, String encoding) {
		super(in);
		this.encoding = encoding;
	}

	@Override
	public int read() throws IOException {
		char[] one = new char[1];
		int n = read(one, 0, 1);
		return n < 0 ? -1 : one[0];
	}

	@Override
	public int read(char[] buffer, int offset, int length) throws IOException {
		int n;
		try {
			n = in.read(buffer, offset, length);
		}
		catch (CharacterCodingException ex) {
			throw new RefusedInput(String.format(Locale.ROOT,
					"line %d, column %d: these bytes are not valid %s (is the encoding declaration right?)", line,
					position - lineStart + 1, encoding));
		}
		if (n > 0) {
			follow(buffer, offset, offset + n);
		}
		return n;
	}

	@Override
	public long skip(long n) throws IOException {
		throw new IOException("skipping would bypass the guard");
	}

	private void follow(char[] buffer, int from, int to) throws RefusedInput {
		int state = this.state;
		long base = position - from;
		for (int i = from; i < to; i++) {
			char c = buffer[i];
			if (c == '\n') {
				line++;
				lineStart = base + i + 1;
			}
			switch (state) {
				case TEXT -> {
					if (c == '<') {
						state = LESS_THAN;
						markupStart = base + i;
						markupLine = line;
						markupColumn = markupStart - lineStart + 1;
					}
				}
				case LESS_THAN -> {
					if (c == '!') {
						state = BANG;
					}
					else if (c == '?') {
						state = PROCESSING;
						run = 0;
					}
					else {
						state = TAG;
						quote = 0;
					}
				}
				case BANG -> {
					if (c == '-') {
						state = COMMENT;
						run = 0;
					}
					else if (c == '[') {
						state = CDATA;
						run = 0;
					}
					else if (c == 'D') {
						throw new RefusedInput(String.format(Locale.ROOT,
								"line %d, column %d: DOCTYPE declarations are not allowed in a test report (they can read local files, call URLs or expand without end)",
								markupLine, markupColumn));
					}
					else {
						state = TAG; // not XML: the parser will say so
						quote = 0;
					}
				}
				case TAG -> {
					if (quote != 0) {
						if (c == quote) {
							quote = 0;
						}
					}
					else if (c == '"' || c == '\'') {
						quote = c;
					}
					else if (c == '>') {
						state = TEXT;
					}
				}
				case COMMENT -> {
					if (c == '>' && run >= 2) {
						state = TEXT;
					}
					run = c == '-' ? run + 1 : 0;
				}
				case PROCESSING -> {
					if (c == '>' && run == 1) {
						state = TEXT;
					}
					run = c == '?' ? 1 : 0;
				}
				case CDATA -> {
					if (c == '>' && run >= 2) {
						state = TEXT;
					}
					run = c == ']' ? run + 1 : 0;
				}
				default -> throw new IllegalStateException("state " + state);
			}
			if (state >= TAG && state != CDATA && base + i - markupStart >= MAX_MARKUP_CHARS) {
				throw new RefusedInput(String.format(Locale.ROOT,
						"line %d, column %d: a tag, comment or processing instruction longer than %,d characters; no test report needs one",
						markupLine, markupColumn, MAX_MARKUP_CHARS));
			}
		}
		this.state = state;
		position = base + to;
	}

}
