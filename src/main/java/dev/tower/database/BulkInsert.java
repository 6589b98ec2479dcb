package dev.tower.database;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collections;
import java.util.List;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Many rows into one table, on a connection the caller holds (and its transaction, if any): PostgreSQL's
 * {@code COPY … FROM STDIN}, about ten times a JDBC batch, and JDBC batches elsewhere (H2 in development). A row
 * is its values in column order, then {@link #endRow()}; rows are buffered and sent about a megabyte (a thousand
 * rows in a batch) at a time, {@link #flush()} sends the rest, and {@link #close()} abandons what was not sent.
 * <p>
 * PostgreSQL text cannot hold NUL, so NUL characters are dropped from text, on every database alike.
 */
public abstract sealed class BulkInsert implements AutoCloseable {

	private final int columns;

	/** How many values the current row has so far. */
	private int column;

	private BulkInsert(int columns) {
		this.columns = columns;
	}

	/**
	 * Between calls the connection is free for other statements (the file's suite rows, say): each chunk of rows
	 * is a COPY of its own.
	 */
	public static BulkInsert into(Connection connection, String table, List<String> columns) throws SQLException {
		return open(connection, table, columns, false);
	}

	/**
	 * One COPY takes the rows as they come, so PostgreSQL stores while the caller reads; the connection is the
	 * writer's until {@link #flush()}.
	 */
	public static BulkInsert streamingInto(Connection connection, String table, List<String> columns)
			throws SQLException {
		return open(connection, table, columns, true);
	}

	private static BulkInsert open(Connection connection, String table, List<String> columns, boolean streaming)
			throws SQLException {
		return connection.isWrapperFor(PGConnection.class) ? new Copy(connection, table, columns, streaming)
				: new Batch(connection, table, columns);
	}

	public abstract BulkInsert value(long value) throws SQLException;

	public abstract BulkInsert value(double value) throws SQLException;

	public abstract BulkInsert value(boolean value) throws SQLException;

	/** Text, or null for SQL NULL. */
	public abstract BulkInsert value(String text) throws SQLException;

	/** Text, a whole or decimal number or a flag, or null for SQL NULL. */
	public BulkInsert value(Object value) throws SQLException {
		if (value == null || value instanceof String) {
			return value((String) value);
		}
		if (value instanceof Boolean flag) {
			return value(flag.booleanValue());
		}
		if (value instanceof Double || value instanceof Float) {
			return value(((Number) value).doubleValue());
		}
		if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
			return value(((Number) value).longValue());
		}
		throw new IllegalArgumentException("no column value of type " + value.getClass().getName());
	}

	/** Ends the row; sends the rows buffered so far once there are enough of them. */
	public abstract void endRow() throws SQLException;

	/** Everything added is in the database (in the caller's transaction), and the connection is free. */
	public abstract void flush() throws SQLException;

	/** Gives up what was not flushed (and, on PostgreSQL, a streaming COPY's rows sent so far). */
	@Override
	public abstract void close();

	final int nextColumn() {
		if (column == columns) {
			throw new IllegalStateException("a row of this table has " + columns + " values");
		}
		return ++column;
	}

	final void rowComplete() {
		if (column != columns) {
			throw new IllegalStateException("a row of " + column + " values for " + columns + " columns");
		}
		column = 0;
	}

	/** COPY's text format: tab between values, newline after each row, {@code \N} for null. */
	private static final class Copy extends BulkInsert {

		private static final int SEND_AT = 1 << 20;

		private final CopyManager copyManager;

		private final String sql;

		private final boolean streaming;

		private final StringBuilder rows = new StringBuilder(SEND_AT + (SEND_AT >> 2));

		private CopyIn copy;

		Copy(Connection connection, String table, List<String> columns, boolean streaming) throws SQLException {
			super(columns.size());
			this.copyManager = connection.unwrap(PGConnection.class).getCopyAPI();
			this.sql = "copy " + table + " (" + String.join(", ", columns) + ") from stdin";
			this.streaming = streaming;
		}

		private StringBuilder next() {
			if (nextColumn() > 1) {
				rows.append('\t');
			}
			return rows;
		}

		@Override
		public BulkInsert value(long value) {
			next().append(value);
			return this;
		}

		@Override
		public BulkInsert value(double value) {
			next().append(value);
			return this;
		}

		@Override
		public BulkInsert value(boolean value) {
			next().append(value ? 't' : 'f');
			return this;
		}

		/** Backslash escapes for the backslash and the delimiters. */
		@Override
		public BulkInsert value(String text) {
			StringBuilder rows = next();
			if (text == null) {
				rows.append("\\N");
				return this;
			}
			for (int i = 0, length = text.length(); i < length; i++) {
				char c = text.charAt(i);
				switch (c) {
					case '\\' -> rows.append("\\\\");
					case '\t' -> rows.append("\\t");
					case '\n' -> rows.append("\\n");
					case '\r' -> rows.append("\\r");
					case '\0' -> {
					}
					default -> rows.append(c);
				}
			}
			return this;
		}

		@Override
		public void endRow() throws SQLException {
			rowComplete();
			rows.append('\n');
			if (rows.length() >= SEND_AT) {
				send();
			}
		}

		@Override
		public void flush() throws SQLException {
			send();
			if (copy != null) {
				copy.endCopy();
				copy = null;
			}
		}

		private void send() throws SQLException {
			if (rows.isEmpty()) {
				return;
			}
			byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
			rows.setLength(0);
			if (copy == null) {
				copy = copyManager.copyIn(sql);
			}
			copy.writeToCopy(bytes, 0, bytes.length);
			if (!streaming) {
				copy.endCopy();
				copy = null;
			}
		}

		@Override
		public void close() {
			rows.setLength(0);
			if (copy != null && copy.isActive()) {
				try {
					copy.cancelCopy();
				}
				catch (SQLException ignored) {
					// the connection goes back broken or not at all; nothing of this COPY was stored
				}
			}
			copy = null;
		}

	}

	/** The portable way: one prepared insert, executed a thousand rows at a time. */
	private static final class Batch extends BulkInsert {

		private static final int SEND_AT = 1000;

		private final PreparedStatement insert;

		private int pending;

		Batch(Connection connection, String table, List<String> columns) throws SQLException {
			super(columns.size());
			this.insert = connection.prepareStatement("insert into " + table + " (" + String.join(", ", columns)
					+ ") values (" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")");
		}

		@Override
		public BulkInsert value(long value) throws SQLException {
			insert.setLong(nextColumn(), value);
			return this;
		}

		@Override
		public BulkInsert value(double value) throws SQLException {
			insert.setDouble(nextColumn(), value);
			return this;
		}

		@Override
		public BulkInsert value(boolean value) throws SQLException {
			insert.setBoolean(nextColumn(), value);
			return this;
		}

		@Override
		public BulkInsert value(String text) throws SQLException {
			if (text == null) {
				insert.setNull(nextColumn(), Types.NULL);
			}
			else {
				insert.setString(nextColumn(), text.indexOf('\0') < 0 ? text : text.replace("\0", ""));
			}
			return this;
		}

		@Override
		public void endRow() throws SQLException {
			rowComplete();
			insert.addBatch();
			if (++pending >= SEND_AT) {
				flush();
			}
		}

		@Override
		public void flush() throws SQLException {
			if (pending > 0) {
				insert.executeBatch();
				pending = 0;
			}
		}

		@Override
		public void close() {
			try {
				insert.close();
			}
			catch (SQLException ignored) {
				// the statement is gone with its batch
			}
		}

	}

}
