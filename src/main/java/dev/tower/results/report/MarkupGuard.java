package dev.tower.results.report;

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

	/**
	 * Moves the state over the characters just read. Text and CDATA, nearly all of a report, are scanned by tight
	 * loops looking for the one character that can end them; the length of markup is checked once per read, which
	 * lets it overshoot the limit by one buffer at most.
	 */
	private void follow(char[] buffer, int from, int to) throws RefusedInput {
		long base = position - from; // base + i is the position of buffer[i]
		int i = from;
		while (i < to) {
			switch (state) {
				case TEXT -> {
					while (i < to && buffer[i] != '<') {
						if (buffer[i] == '\n') {
							newLine(base + i);
						}
						i++;
					}
					if (i < to) {
						markupStart = base + i;
						markupLine = line;
						markupColumn = markupStart - lineStart + 1;
						state = LESS_THAN;
						i++;
					}
				}
				case CDATA -> {
					int run = this.run;
					while (i < to) {
						char c = buffer[i++];
						if (c == '>' && run >= 2) {
							state = TEXT;
							break;
						}
						run = c == ']' ? run + 1 : 0;
						if (c == '\n') {
							newLine(base + i - 1);
						}
					}
					this.run = run;
				}
				case TAG -> {
					char quote = this.quote;
					while (i < to) {
						char c = buffer[i++];
						if (c == '\n') {
							newLine(base + i - 1);
						}
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
							break;
						}
					}
					this.quote = quote;
				}
				default -> {
					char c = buffer[i++];
					if (c == '\n') {
						newLine(base + i - 1);
					}
					step(c);
				}
			}
		}
		position = base + to;
		if (state != TEXT && state != CDATA && position - markupStart > MAX_MARKUP_CHARS) {
			throw new RefusedInput(String.format(Locale.ROOT,
					"line %d, column %d: a tag, comment or processing instruction longer than %,d characters; no test report needs one",
					markupLine, markupColumn, MAX_MARKUP_CHARS));
		}
	}

	/** The rarer states, one character at a time. */
	private void step(char c) throws RefusedInput {
		switch (state) {
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
					if (c == '>') {
						state = TEXT; // "<>": not XML, the parser will say so
					}
				}
			}
			case BANG -> {
				if (c == '-') {
					state = COMMENT;
					run = -1; // the opener's second dash is no part of the closing "-->"
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
					state = c == '>' ? TEXT : TAG; // not XML: the parser will say so
					quote = 0;
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
			default -> throw new IllegalStateException("state " + state);
		}
	}

	private void newLine(long at) {
		line++;
		lineStart = at + 1;
	}

}
