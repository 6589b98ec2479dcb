package dev.tower.results;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Writes test cases in bulk on the file's transaction. Rows are buffered and flushed in batches, so between
 * flushes the connection is free for the suite rows.
 */
interface CaseWriter extends AutoCloseable {

	String COLUMNS = "run_id, suite_id, test_key, class_name, name, outcome, seconds, reruns, message, failure_type, "
			+ "trace, system_out, system_err";

	void add(long runId, long suiteId, CaseResult testCase) throws SQLException;

	/** Sends what is buffered. */
	void flush() throws SQLException;

	@Override
	default void close() throws SQLException {
		flush();
	}

	/** PostgreSQL's COPY where available (ten times a JDBC batch), a JDBC batch elsewhere (H2). */
	static CaseWriter on(Connection connection) throws SQLException {
		return connection.isWrapperFor(org.postgresql.PGConnection.class) ? new CopyCaseWriter(connection)
				: new BatchCaseWriter(connection);
	}

}
