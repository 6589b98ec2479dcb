package dev.tower.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.tower.TowerTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rows that go in are the rows that come out, through PostgreSQL's COPY (a COPY per chunk, and one streaming
 * COPY) and through JDBC batches on H2: the characters COPY escapes, NUL (dropped: PostgreSQL text cannot hold
 * it), characters beyond the Basic Multilingual Plane, nulls, and more rows than one chunk holds.
 */
@TowerTest
class BulkInsertTests {

	enum Target {

		POSTGRESQL_COPY, POSTGRESQL_STREAMING_COPY, H2_BATCH

	}

	static final List<String> COLUMNS = List.of("id", "whole", "ratio", "flag", "note");

	record Row(long id, Integer whole, Double ratio, Boolean flag, String note) {
	}

	@Autowired
	DataSource dataSource;

	Connection connection;

	/** A connection of its own, so its temporary tables go with it. */
	Connection connect(Target target) throws SQLException {
		if (target == Target.H2_BATCH) {
			connection = DriverManager.getConnection("jdbc:h2:mem:;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "");
		}
		else {
			HikariDataSource postgres = (HikariDataSource) dataSource;
			connection = DriverManager.getConnection(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword());
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute("create temporary table bulk_rows (id bigint primary key, whole integer, "
					+ "ratio double precision, flag boolean, note text)");
			statement.execute("create temporary table side_rows (id bigint)");
		}
		return connection;
	}

	BulkInsert open(Target target) throws SQLException {
		Connection connection = connect(target);
		return target == Target.POSTGRESQL_STREAMING_COPY ? BulkInsert.streamingInto(connection, "bulk_rows", COLUMNS)
				: BulkInsert.into(connection, "bulk_rows", COLUMNS);
	}

	@AfterEach
	void disconnect() throws SQLException {
		if (connection != null) {
			connection.close();
		}
	}

	@ParameterizedTest
	@EnumSource
	void storesEveryValueAsGivenExceptNul(Target target) throws SQLException {
		try (BulkInsert rows = open(target)) {
			rows.value(1).value(7).value(0.25).value(true)
				.value("tab\there, newline\nthere, return\rthere, backslash\\there, all\t\n\r\\").endRow();
			rows.value(2).value(-8).value(1e-300).value(false).value("\\N").endRow();
			rows.value(3).value(Integer.MIN_VALUE).value(Double.MAX_VALUE).value(true).value("\\.\n\\.").endRow();
			rows.value(4).value(0).value(-123456.789).value(false).value("Ærøskøbing, 東京, 😀 and 𝄞").endRow();
			rows.value(5).value((Object) null).value((Object) null).value((Object) null).value((String) null).endRow();
			// as the manifest gives them
			rows.value((Object) 6L).value((Object) 42).value((Object) 1.5).value((Object) Boolean.TRUE).value((Object) "")
				.endRow();
			rows.value(7).value(1).value(2.0).value(false).value("a\0b\0").endRow();
			rows.flush();
		}

		assertThat(rows()).containsExactly(
				new Row(1, 7, 0.25, true, "tab\there, newline\nthere, return\rthere, backslash\\there, all\t\n\r\\"),
				new Row(2, -8, 1e-300, false, "\\N"),
				new Row(3, Integer.MIN_VALUE, Double.MAX_VALUE, true, "\\.\n\\."),
				new Row(4, 0, -123456.789, false, "Ærøskøbing, 東京, 😀 and 𝄞"),
				new Row(5, null, null, null, null),
				new Row(6, 42, 1.5, true, ""),
				new Row(7, 1, 2.0, false, "ab"));
	}

	@ParameterizedTest
	@EnumSource
	void storesMoreRowsThanOneChunkHolds(Target target) throws SQLException {
		int count = 30_000;
		String note = "a line of output\twith a tab, a \\ and a newline\n, then a number "; // 30,000 rows: 1.8 MB
		try (BulkInsert rows = open(target)) {
			for (int i = 0; i < count; i++) {
				rows.value(i).value(i % 1000).value(i / 4.0).value(i % 2 == 0).value(note + i).endRow();
			}
			rows.flush();
		}

		try (Statement statement = connection.createStatement();
				ResultSet sums = statement.executeQuery("select count(*), sum(whole), sum(ratio), "
						+ "sum(case when flag then 1 else 0 end), sum(length(note)), count(distinct note) from bulk_rows")) {
			sums.next();
			assertThat(sums.getLong(1)).isEqualTo(count);
			assertThat(sums.getLong(2)).isEqualTo(30L * 499_500);
			assertThat(sums.getDouble(3)).isEqualTo((count - 1) * (double) count / 8);
			assertThat(sums.getLong(4)).isEqualTo(count / 2);
			long digits = 10 + 90 * 2 + 900 * 3 + 9000 * 4 + 20_000 * 5;
			assertThat(sums.getLong(5)).isEqualTo(count * (long) note.length() + digits);
			assertThat(sums.getLong(6)).isEqualTo(count);
		}
		assertThat(rows().get(count - 1)).isEqualTo(new Row(count - 1, 999, (count - 1) / 4.0, false, note + (count - 1)));
	}

	/** What the results ingester does: a suite row between two chunks of cases, on the same transaction. */
	@ParameterizedTest
	@EnumSource(names = { "POSTGRESQL_COPY", "H2_BATCH" })
	void leavesTheConnectionFreeBetweenRows(Target target) throws SQLException {
		try (BulkInsert rows = open(target)) {
			connection.setAutoCommit(false);
			for (int i = 0; i < 30_000; i++) {
				rows.value(i).value(i).value(i).value(true).value("x".repeat(40)).endRow();
				if (i % 5000 == 0) {
					try (Statement statement = connection.createStatement()) {
						statement.executeUpdate("insert into side_rows values (" + i + ")");
					}
				}
			}
			rows.flush();
			connection.commit();
		}

		assertThat(count("bulk_rows")).isEqualTo(30_000);
		assertThat(count("side_rows")).isEqualTo(6);
	}

	@Test
	void aStreamingCopyGivenUpStoresNothingAndFreesTheConnection() throws SQLException {
		try (BulkInsert rows = open(Target.POSTGRESQL_STREAMING_COPY)) {
			for (int i = 0; i < 30_000; i++) {
				rows.value(i).value(i).value(i).value(true).value("x".repeat(40)).endRow(); // more than a chunk: sent
			}
		}

		assertThat(count("bulk_rows")).isZero();
	}

	@Test
	void aRowHasOneValuePerColumn() throws SQLException {
		try (BulkInsert rows = open(Target.POSTGRESQL_COPY)) {
			assertThatThrownBy(() -> rows.value(1).value(2).value(3.0).value(true).value("x").value("y"))
				.isInstanceOf(IllegalStateException.class)
				.hasMessage("a row of this table has 5 values");
		}
		try (BulkInsert rows = BulkInsert.into(connection, "bulk_rows", COLUMNS)) {
			assertThatThrownBy(() -> rows.value(1).value(2).endRow()).isInstanceOf(IllegalStateException.class)
				.hasMessage("a row of 2 values for 5 columns");
			assertThatThrownBy(() -> rows.value(new StringBuilder("no column type")))
				.isInstanceOf(IllegalArgumentException.class);
		}
	}

	private List<Row> rows() throws SQLException {
		List<Row> rows = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select id, whole, ratio, flag, note from bulk_rows order by id")) {
			while (rs.next()) {
				rows.add(new Row(rs.getLong(1), rs.getObject(2, Integer.class), rs.getObject(3, Double.class),
						rs.getObject(4, Boolean.class), rs.getString(5)));
			}
		}
		return rows;
	}

	private long count(String table) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select count(*) from " + table)) {
			rs.next();
			return rs.getLong(1);
		}
	}

}
