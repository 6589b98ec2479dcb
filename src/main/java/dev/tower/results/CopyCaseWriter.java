package dev.tower.results;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/** Test cases through PostgreSQL's {@code COPY … FROM STDIN} in its text format, about a megabyte at a time. */
final class CopyCaseWriter implements CaseWriter {

	private static final String COPY = "copy test_case (" + COLUMNS + ") from stdin";

	private static final int FLUSH_AT = 1 << 20;

	private final CopyManager copy;

	private final StringBuilder rows = new StringBuilder(FLUSH_AT + (FLUSH_AT >> 2));

	CopyCaseWriter(Connection connection) throws SQLException {
		this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
	}

	@Override
	public void add(long runId, long suiteId, CaseResult c) throws SQLException {
		rows.append(runId).append('\t').append(suiteId).append('\t').append(TestKey.of(c.className(), c.name())).append('\t');
		text(c.className()).append('\t');
		text(c.name()).append('\t');
		rows.append(c.outcome().code()).append('\t').append(c.seconds()).append('\t').append(c.reruns()).append('\t');
		text(c.message()).append('\t');
		text(c.type()).append('\t');
		text(c.trace()).append('\t');
		text(c.systemOut()).append('\t');
		text(c.systemErr()).append('\n');
		if (rows.length() >= FLUSH_AT) {
			flush();
		}
	}

	@Override
	public void flush() throws SQLException {
		if (rows.isEmpty()) {
			return;
		}
		byte[] encoded = rows.toString().getBytes(StandardCharsets.UTF_8);
		rows.setLength(0);
		try {
			copy.copyIn(COPY, new ByteArrayInputStream(encoded));
		}
		catch (IOException ex) {
			throw new SQLException("could not stream test cases to PostgreSQL", ex);
		}
	}

	/** COPY's text format: backslash escapes for the delimiters, {@code \N} for null; PostgreSQL text holds no NUL. */
	private StringBuilder text(String value) {
		if (value == null) {
			return rows.append("\\N");
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> rows.append("\\\\");
				case '\t' -> rows.append("\\t");
				case '\n' -> rows.append("\\n");
				case '\r' -> rows.append("\\r");
				case '\0' -> { }
				default -> rows.append(c);
			}
		}
		return rows;
	}

}
