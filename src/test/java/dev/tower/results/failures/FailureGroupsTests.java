package dev.tower.results.failures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import dev.tower.TowerTest;
import dev.tower.results.Reports;
import dev.tower.results.ingest.FileOutcome;
import dev.tower.results.ingest.ReportIngester;
import dev.tower.results.ingest.RunDeletion;
import dev.tower.results.ingest.RunInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Failures grouped at ingest, shown per run, over days and per group, and kept right when runs go. */
@TowerTest
public class FailureGroupsTests {

	@Autowired
	ReportIngester ingester;

	@Autowired
	RunDeletion deletion;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@TempDir
	Path files;

	/** Seven failures of three causes: a refused database (4 tests), an assertion (2 runs of one test), a timeout. */
	public static String redReport(int port, int seed) {
		StringBuilder xml = new StringBuilder("<testsuite name=\"com.acme.ShopTest\" tests=\"9\">\n");
		for (String test : List.of("savesOrder", "listsOrders", "paysInvoice", "refunds")) {
			xml.append("""
					<testcase classname="com.acme.ShopTest" name="%s" time="0.1"><error type="org.postgresql.util.PSQLException"
					 message="Connection to localhost:%d refused.">org.postgresql.util.PSQLException: Connection to localhost:%d refused.
						at org.postgresql.core.v3.ConnectionFactoryImpl.openConnectionImpl(ConnectionFactoryImpl.java:352)
						at com.acme.ShopTest.%s(ShopTest.java:%d)</error></testcase>
					""".formatted(test, port, port, test, seed + 10));
		}
		xml.append("""
				<testcase classname="com.acme.CartTest" name="addsItem" time="0.1"><failure type="org.opentest4j.AssertionFailedError"
				 message="expected: &lt;%d&gt; but was: &lt;%d&gt;">org.opentest4j.AssertionFailedError: expected
					at org.junit.jupiter.api.AssertionFailureBuilder.build(AssertionFailureBuilder.java:151)
					at com.acme.CartTest.addsItem(CartTest.java:%d)</failure></testcase>
				<testcase classname="com.acme.CartTest" name="addsItem[2]" time="0.1"><failure type="org.opentest4j.AssertionFailedError"
				 message="expected: &lt;%d&gt; but was: &lt;0&gt;">org.opentest4j.AssertionFailedError: expected
					at org.junit.jupiter.api.AssertionFailureBuilder.build(AssertionFailureBuilder.java:151)
					at com.acme.CartTest.addsItem(CartTest.java:%d)</failure></testcase>
				<testcase classname="com.acme.SlowTest" name="waits" time="5"><error type="java.util.concurrent.TimeoutException"
				 message="waits() timed out after %d milliseconds"/></testcase>
				<testcase classname="com.acme.CartTest" name="removesItem" time="0.1"/>
				<testcase classname="com.acme.CartTest" name="empties" time="0.1"/>
				</testsuite>
				""".formatted(seed, seed + 1, seed + 40, seed, seed + 40, seed * 1000));
		return xml.toString().replace("addsItem[2]", "addsItemTwice");
	}

	long ingest(String run, Instant started, String xml) throws Exception {
		Path file = Reports.write(files.resolve(run), "TEST-shop.xml", xml);
		Files.setLastModifiedTime(file, FileTime.from(started));
		FileOutcome outcome = ingester.ingest(ingester.describe(file, file.toString()),
				new RunInfo(run, "qa", "lab", "h1", null, null, null), true);
		return outcome.runId();
	}

	@Test
	void aRunsFailuresAreGroupedByCause() throws Exception {
		long runId = ingest("nightly-1", Instant.now(), redReport(5432, 3));

		mvc.perform(get("/api/v1/results/failure-groups").param("run", Long.toString(runId)).with(reader()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.run", is((int) runId)))
			.andExpect(jsonPath("$.groups", hasSize(3)))
			.andExpect(jsonPath("$.groups[0].type", is("org.postgresql.util.PSQLException")))
			.andExpect(jsonPath("$.groups[0].message", is("Connection to <host:port> refused.")))
			.andExpect(jsonPath("$.groups[0].sample", is("Connection to localhost:5432 refused.")))
			.andExpect(jsonPath("$.groups[0].failures", is(4)))
			.andExpect(jsonPath("$.groups[0].testCount", is(4)))
			.andExpect(jsonPath("$.groups[0].tests[0].className", is("com.acme.ShopTest")))
			.andExpect(jsonPath("$.groups[0].tests[0].name", is("listsOrders")))
			.andExpect(jsonPath("$.groups[0].tests[0].testKey").isString())
			.andExpect(jsonPath("$.groups[0].runs", is(1)))
			.andExpect(jsonPath("$.groups[1].failures", is(2)))
			.andExpect(jsonPath("$.groups[1].tests[*].name", org.hamcrest.Matchers.contains("addsItem", "addsItemTwice")))
			.andExpect(jsonPath("$.groups[2].type", is("java.util.concurrent.TimeoutException")));

		mvc.perform(get("/results/runs/{id}", runId).with(reader())).andExpect(status().isOk())
			.andExpect(content().string(containsString("3 causes for 7 failures")))
			.andExpect(content().string(containsString("Connection to localhost:5432 refused.")));
	}

	@Test
	void groupsSpanRunsAndDaysAndKeepTheirFirstAndLastSightWhenRunsGo() throws Exception {
		Instant old = Instant.now().minus(40, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
		Instant yesterday = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
		long first = ingest("nightly-1", old, redReport(5432, 3));
		long second = ingest("nightly-2", yesterday, redReport(15433, 8));
		long third = ingest("nightly-3", Instant.now(), Reports.report("com.acme.GreenTest", 3, 0, 0));
		String refused = jdbc.sql("select fingerprint from failure_group where failure_type = 'org.postgresql.util.PSQLException'")
			.query(Long.class).list().stream().map(Fingerprint::hex).reduce((a, b) -> a + "," + b).orElseThrow();

		mvc.perform(get("/api/v1/results/failure-groups/{id}", refused).with(reader())).andExpect(status().isOk())
			.andExpect(jsonPath("$.group.runs", is(2)))
			.andExpect(jsonPath("$.group.failures", is(8)))
			.andExpect(jsonPath("$.group.firstSeen", is(old.toString())))
			.andExpect(jsonPath("$.group.lastSeen", is(yesterday.toString())))
			.andExpect(jsonPath("$.runs[*].runId", org.hamcrest.Matchers.contains((int) second, (int) first)))
			.andExpect(jsonPath("$.tests", hasSize(4)))
			.andExpect(jsonPath("$.tests[0].failures", is(2)));
		mvc.perform(get("/api/v1/results/failure-groups").param("days", "30").with(reader())).andExpect(status().isOk())
			.andExpect(jsonPath("$.days", is(30)))
			.andExpect(jsonPath("$.run", nullValue()))
			.andExpect(jsonPath("$.groups", hasSize(3)))
			.andExpect(jsonPath("$.groups[0].failures", is(4)))
			.andExpect(jsonPath("$.groups[0].firstSeen", is(old.toString())));
		mvc.perform(get("/api/v1/results/failure-groups").param("run", Long.toString(third)).with(reader()))
			.andExpect(jsonPath("$.groups", hasSize(0)));
		mvc.perform(get("/results/failure-groups/{id}", refused).with(reader())).andExpect(status().isOk())
			.andExpect(content().string(containsString("nightly-1")))
			.andExpect(content().string(containsString("paysInvoice")));
		mvc.perform(get("/results/insights").with(reader())).andExpect(status().isOk())
			.andExpect(content().string(containsString("Most frequent causes of failure")));

		deletion.delete(first);
		mvc.perform(get("/api/v1/results/failure-groups/{id}", refused).with(reader())).andExpect(status().isOk())
			.andExpect(jsonPath("$.group.runs", is(1)))
			.andExpect(jsonPath("$.group.failures", is(4)))
			.andExpect(jsonPath("$.group.firstSeen", is(yesterday.toString())));
		deletion.delete(second);
		mvc.perform(get("/api/v1/results/failure-groups/{id}", refused).with(reader()))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
		mvc.perform(get("/results/insights").with(reader())).andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Most frequent causes of failure"))));
	}

	@Test
	void theListNeedsExactlyOneOfRunAndDays() throws Exception {
		for (String query : new String[] { "", "run=1&days=3", "days=0", "days=abc", "run=x" }) {
			mvc.perform(get("/api/v1/results/failure-groups?" + query).with(reader()))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
		}
		mvc.perform(get("/api/v1/results/failure-groups?run=999").with(reader())).andExpect(status().isNotFound());
		for (String id : new String[] { "0123456789abcdef", "nonsense", "0123456789ABCDEF" }) {
			mvc.perform(get("/api/v1/results/failure-groups/{id}", id).with(reader())).andExpect(status().isNotFound());
			mvc.perform(get("/results/failure-groups/{id}", id).with(reader())).andExpect(status().isNotFound());
		}
	}

	private static RequestPostProcessor reader() {
		return user("reader").roles("USER");
	}

}
