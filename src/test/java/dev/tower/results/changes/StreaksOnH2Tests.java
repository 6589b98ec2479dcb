package dev.tower.results.changes;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;

import dev.tower.database.InMemoryH2;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The streaks of a report larger than the development database's arrays (65,536 elements) take. */
class StreaksOnH2Tests {

	@Test
	void aReportOfSeventyThousandKnownTestsKeepsItsStreaksOnH2() throws Exception {
		JdbcDataSource h2 = InMemoryH2.named("streaks");
		try (Connection keepAlive = h2.getConnection()) {
			Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
			Streaks streaks = new Streaks(JdbcClient.create(h2), new JdbcTemplate(h2));
			List<Streaks.Result> results = LongStream.range(0, 70_000)
				.mapToObj(key -> new Streaks.Result(key, "com.acme.BigTest", "case" + key, key == 7 || key == 69_999))
				.toList();
			streaks.record(1, 1, Instant.parse("2026-12-01T02:00:00Z"), results, Set.of());
			streaks.record(2, 1, Instant.parse("2026-12-02T02:00:00Z"), results, Set.of());
			assertThat(JdbcClient.create(h2).sql("select age, count(*) from test_streak group by age order by age")
				.query((rs, row) -> rs.getInt(1) + ": " + rs.getInt(2)).list())
				.containsExactly("1: 2", "2: 2");
		}
	}

}
