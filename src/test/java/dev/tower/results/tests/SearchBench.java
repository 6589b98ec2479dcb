package dev.tower.results.tests;

import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

import dev.tower.results.report.Outcome;

/** The searches and suite pages of {@link dev.tower.results.failures.TriageScaleMain}, from inside this package. */
public final class SearchBench {

	private final TestQueries queries;

	public SearchBench(DataSource dataSource) {
		this.queries = new TestQueries(JdbcClient.create(dataSource));
	}

	public Supplier<Object> find(String text) {
		return () -> queries.find(text, 20);
	}

	public Supplier<Object> suite(long suiteId, Outcome outcome, int page) {
		return () -> queries.cases(queries.suite(suiteId).orElseThrow(), outcome, page, 100);
	}

}
