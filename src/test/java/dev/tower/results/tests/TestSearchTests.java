package dev.tower.results.tests;

import java.nio.file.Path;

import dev.tower.TowerTest;
import dev.tower.results.Reports;
import dev.tower.results.ingest.ReportIngester;
import dev.tower.results.ingest.RunInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Finding a test by a piece of its class or name, and a suite's page. */
@TowerTest
class TestSearchTests {

	@Autowired
	ReportIngester ingester;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@TempDir
	Path files;

	private static final String NAMES = """
			<testsuite name="names">
			<testcase classname="com.acme.ÜberTest" name="größe_prüfen"/>
			<testcase classname="com.acme.RateTest" name="takes 100% of it"/>
			<testcase classname="com.acme.RateTest" name="takes 100 of it"/>
			<testcase classname="com.acme.SnakeTest" name="snake_case"/>
			<testcase classname="com.acme.SnakeTest" name="snakeXcase"/>
			<testcase classname="com.acme.PathTest" name="C:\\temp\\x"/>
			<testcase classname="com.acme.PathTest" name="C:temp"/>
			<testcase classname="com.acme.SqlTest" name="x' or '1'='1"/>
			<testcase classname="com.acme.SqlTest" name="'); drop table test_case; --"/>
			<testcase classname="日本.テスト" name="ログイン"/>
			<testcase classname="com.acme.CartTest" name="addsItem"><failure message="no"/></testcase>
			</testsuite>
			""";

	void ingest(String run, String xml) throws Exception {
		Path file = Reports.write(files.resolve(run), "TEST-names.xml", xml);
		ingester.ingest(ingester.describe(file, file.toString()), new RunInfo(run, "qa", "lab", "h1", null, null, null), true);
	}

	@Test
	void everyCharacterMeansItselfAndCaseDoesNotMatter() throws Exception {
		ingest("one", NAMES);
		ingest("two", NAMES.replace("<failure message=\"no\"/>", ""));

		assertThat(found("übertest")).containsExactly("größe_prüfen");
		assertThat(found("GRÖSSE")).isEmpty(); // no folding beyond case: ß is not ss
		assertThat(found("GRÖßE_PRÜF")).containsExactly("größe_prüfen");
		assertThat(found("テスト")).containsExactly("ログイン");
		assertThat(found("100%")).containsExactly("takes 100% of it");
		assertThat(found("%")).containsExactly("takes 100% of it");
		assertThat(found("e_c")).containsExactly("snake_case");
		assertThat(found("_")).containsExactlyInAnyOrder("größe_prüfen", "snake_case", "'); drop table test_case; --");
		assertThat(found("C:\\t")).containsExactly("C:\\temp\\x");
		assertThat(found("\\")).containsExactly("C:\\temp\\x");
		assertThat(found("' or '1'='1")).containsExactly("x' or '1'='1");
		assertThat(found("'); drop table test_case; --")).containsExactly("'); drop table test_case; --");
		assertThat(jdbc.sql("select count(*) from test_case").query(Long.class).single()).isEqualTo(22);
		assertThat(found("nothing like it")).isEmpty();

		mvc.perform(get("/api/v1/results/tests").param("q", "cart").with(reader())).andExpect(status().isOk())
			.andExpect(jsonPath("$.q", is("cart")))
			.andExpect(jsonPath("$.tests", hasSize(1)))
			.andExpect(jsonPath("$.tests[0].className", is("com.acme.CartTest")))
			.andExpect(jsonPath("$.tests[0].name", is("addsItem")))
			.andExpect(jsonPath("$.tests[0].testKey").isString())
			.andExpect(jsonPath("$.tests[0].latest", is("PASSED")));
		mvc.perform(get("/api/v1/results/tests").param("q", "acme").param("limit", "2").with(reader()))
			.andExpect(jsonPath("$.tests[*].className", contains("com.acme.CartTest", "com.acme.PathTest")));
		mvc.perform(get("/results/tests").param("q", "cart").with(reader())).andExpect(status().isOk())
			.andExpect(content().string(containsString("/results/tests/")))
			.andExpect(content().string(containsString("addsItem")));
		mvc.perform(get("/results").with(reader())).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"find-test\"")));
	}

	@Test
	void aSearchNeedsSomethingToLookFor() throws Exception {
		mvc.perform(get("/api/v1/results/tests").param("q", "  \t").with(reader()))
			.andExpect(status().isBadRequest());
		for (String query : new String[] { "", "q=", "q=" + "x".repeat(201), "q=a&limit=0", "q=a&limit=101",
				"q=a&limit=x" }) {
			mvc.perform(get("/api/v1/results/tests?" + query).with(reader()))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
		}
		mvc.perform(get("/results/tests").with(reader())).andExpect(status().isOk())
			.andExpect(content().string(not(containsString("found-tests"))));
	}

	@Test
	void aSuitesPageListsItsCasesByOutcomeAPageAtATime() throws Exception {
		ingest("big", Reports.report("com.acme.BigTest", 230, 3, 2));
		long suite = jdbc.sql("select id from test_suite").query(Long.class).single();

		mvc.perform(get("/results/runs/{id}", jdbc.sql("select id from test_run").query(Long.class).single()).with(reader()))
			.andExpect(content().string(containsString("/results/suites/" + suite)));
		String first = page(suite, "");
		assertThat(rows(first)).isEqualTo(100);
		assertThat(first).contains("Next");
		// the shared pager: no earlier page to link, the next one linked
		assertThat(first).containsPattern("<li class=\"page-item disabled\">\\s*<span class=\"page-link\">Previous</span>")
			.containsPattern("<a class=\"page-link\" href=\"/results/suites/" + suite + "\\?[^\"]*page=1\">Next</a>");
		assertThat(rows(page(suite, "page=2"))).isEqualTo(35);
		assertThat(rows(page(suite, "outcome=FAILED"))).isEqualTo(3);
		assertThat(rows(page(suite, "outcome=SKIPPED"))).isEqualTo(2);
		assertThat(rows(page(suite, "outcome=PASSED&page=2"))).isEqualTo(30);
		mvc.perform(get("/results/suites/{id}", suite + 1000).with(reader())).andExpect(status().isNotFound());
		mvc.perform(get("/results/suites/{id}", suite).param("outcome", "BROKEN").with(reader()))
			.andExpect(status().isBadRequest());
	}

	@Test
	void theRunPageAndTheRunsListPageWithTheSharedPager() throws Exception {
		ingest("big", Reports.report("com.acme.BigTest", 10, 130, 0));
		long run = jdbc.sql("select id from test_run").query(Long.class).single();
		String first = mvc.perform(get("/results/runs/{id}", run).with(reader())).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(first).contains("1–100 of 130")
			.contains("href=\"/results/runs/" + run + "?failures=1&amp;suites=0#failures\">Next</a>");
		String last = mvc.perform(get("/results/runs/{id}", run).param("failures", "1").with(reader()))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(last).contains("101–130 of 130")
			.contains("href=\"/results/runs/" + run + "?failures=0&amp;suites=0#failures\">Previous</a>")
			.containsPattern("<span class=\"page-link\">Next</span>");

		for (int i = 0; i < 25; i++) {
			ingest("small-" + i, Reports.report("com.acme.SmallTest", 1, 0, 0));
		}
		String runs = mvc.perform(get("/results").with(reader())).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(runs).contains("Page 1 of 2").containsPattern("href=\"/results\\?[^\"]*page=1\">Next</a>");
	}

	private String page(long suite, String query) throws Exception {
		return mvc.perform(get("/results/suites/" + suite + "?" + query).with(reader())).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
	}

	private static int rows(String html) {
		return html.split("data-case").length - 1;
	}

	private java.util.List<String> found(String q) throws Exception {
		String json = mvc.perform(get("/api/v1/results/tests").param("q", q).with(reader())).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		return com.jayway.jsonpath.JsonPath.read(json, "$.tests[*].name");
	}

	private static RequestPostProcessor reader() {
		return user("reader").roles("USER");
	}

}
