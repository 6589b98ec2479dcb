package dev.tower.destiny.manifest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;

/** Rows as JDBC batches of 500: the portable way, used on H2 (development). */
final class BatchRowWriter implements RowWriter {

	private static final int BATCH = 500;

	private final PreparedStatement insert;

	private final long versionId;

	private int pending;

	BatchRowWriter(Connection connection, ManifestTable table, long versionId) throws SQLException {
		int columns = table.valueColumns().size();
		this.insert = connection.prepareStatement("insert into " + table.sqlTable() + " (version_id, hash, "
				+ String.join(", ", table.valueColumns()) + ") values (?, ?, "
				+ String.join(", ", Collections.nCopies(columns, "?")) + ")");
		this.versionId = versionId;
	}

	@Override
	public void add(long hash, Object[] values, String definition) throws SQLException {
		insert.setLong(1, versionId);
		insert.setLong(2, hash);
		for (int i = 0; i < values.length; i++) {
			insert.setObject(i + 3, values[i]);
		}
		insert.setString(values.length + 3, definition);
		insert.addBatch();
		if (++pending == BATCH) {
			insert.executeBatch();
			pending = 0;
		}
	}

	@Override
	public void finish() throws SQLException {
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
			// the statement is gone with its batch; the caller deletes the version's rows
		}
	}

}
