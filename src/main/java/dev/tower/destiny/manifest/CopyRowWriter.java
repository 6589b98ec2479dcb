package dev.tower.destiny.manifest;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows through one PostgreSQL {@code COPY … FROM STDIN} per table, sent as they are parsed in chunks of about
 * 256 KB, so PostgreSQL stores while Tower parses.
 */
final class CopyRowWriter implements RowWriter {

	private static final int FLUSH_AT = 1 << 18;

	private final CopyIn copy;

	private final String prefix;

	private final StringBuilder rows = new StringBuilder(FLUSH_AT + (FLUSH_AT >> 1));

	CopyRowWriter(PGConnection connection, ManifestTable table, long versionId) throws SQLException {
		this.copy = connection.getCopyAPI()
			.copyIn("copy " + table.sqlTable() + " (version_id, hash, " + String.join(", ", table.valueColumns())
					+ ") from stdin");
		this.prefix = versionId + "\t";
	}

	@Override
	public void add(long hash, Object[] values, String definition) throws SQLException {
		rows.append(prefix).append(hash);
		for (Object value : values) {
			rows.append('\t');
			value(value);
		}
		rows.append('\t');
		text(definition);
		rows.append('\n');
		if (rows.length() >= FLUSH_AT) {
			send();
		}
	}

	@Override
	public void finish() throws SQLException {
		send();
		copy.endCopy();
	}

	@Override
	public void close() {
		if (copy.isActive()) {
			try {
				copy.cancelCopy();
			}
			catch (SQLException ignored) {
				// the connection is going back broken or not at all; nothing of this copy was committed
			}
		}
	}

	private void send() throws SQLException {
		if (rows.isEmpty()) {
			return;
		}
		byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
		rows.setLength(0);
		copy.writeToCopy(bytes, 0, bytes.length);
	}

	private void value(Object value) {
		if (value == null) {
			rows.append("\\N");
		}
		else if (value instanceof String text) {
			text(text);
		}
		else if (value instanceof Boolean flag) {
			rows.append(flag ? 't' : 'f');
		}
		else {
			rows.append(value);
		}
	}

	/** COPY's text format: backslash escapes for the delimiters; PostgreSQL text holds no NUL. */
	private void text(String value) {
		int length = value.length();
		for (int i = 0; i < length; i++) {
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
	}

}
