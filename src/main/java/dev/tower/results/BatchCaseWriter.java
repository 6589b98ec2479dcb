package dev.tower.results;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/** Test cases through a JDBC batch: for H2, the development database. */
final class BatchCaseWriter implements CaseWriter {

	private static final int BATCH = 1000;

	private final PreparedStatement insert;

	private int pending;

	BatchCaseWriter(Connection connection) throws SQLException {
		this.insert = connection.prepareStatement(
				"insert into test_case (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
	}

	@Override
	public void add(long runId, long suiteId, CaseResult c) throws SQLException {
		insert.setLong(1, runId);
		insert.setLong(2, suiteId);
		insert.setLong(3, TestKey.of(c.className(), c.name()));
		insert.setString(4, c.className());
		insert.setString(5, c.name());
		insert.setString(6, String.valueOf(c.outcome().code()));
		insert.setDouble(7, c.seconds());
		insert.setInt(8, c.reruns());
		text(9, c.message());
		text(10, c.type());
		text(11, c.trace());
		text(12, c.systemOut());
		text(13, c.systemErr());
		insert.addBatch();
		if (++pending >= BATCH) {
			flush();
		}
	}

	private void text(int index, String value) throws SQLException {
		if (value == null) {
			insert.setNull(index, Types.VARCHAR);
		}
		else {
			insert.setString(index, value);
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
	public void close() throws SQLException {
		try {
			flush();
		}
		finally {
			insert.close();
		}
	}

}
