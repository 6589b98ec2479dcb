package dev.tower.destiny.manifest;

import java.sql.Connection;
import java.sql.SQLException;

import org.postgresql.PGConnection;

/** Writes one manifest table's rows for one version: COPY on PostgreSQL, JDBC batches elsewhere (H2). */
interface RowWriter extends AutoCloseable {

	void add(long hash, Object[] values, String definition) throws SQLException;

	/** Everything added is in the database. */
	void finish() throws SQLException;

	/** Gives up: what was not finished is abandoned (the version's rows are deleted by the caller). */
	@Override
	void close();

	static RowWriter open(Connection connection, ManifestTable table, long versionId) throws SQLException {
		if (connection.isWrapperFor(PGConnection.class)) {
			return new CopyRowWriter(connection.unwrap(PGConnection.class), table, versionId);
		}
		return new BatchRowWriter(connection, table, versionId);
	}

}
