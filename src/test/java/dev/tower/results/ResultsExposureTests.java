package dev.tower.results;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import dev.tower.TowerTest;
import dev.tower.account.AccountService;
import dev.tower.account.ApiTokenService;
import dev.tower.results.ingest.DemoResults;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** What the board tells whom: where files lie is for admins, and a file name cannot write into the log. */
@TowerTest
class ResultsExposureTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	AccountService accounts;

	@Autowired
	ApiTokenService tokens;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theQueueShowsPathsAndHostsToAdminsOnly() throws Exception {
		var dir = Files.createTempDirectory("queue-");
		DemoResults.queueAFailureAndAPendingFile(context, dir);

		mvc.perform(get("/api/v1/results/queue").with(user("reader").roles("USER")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.entries.length()").value(2))
			.andExpect(jsonPath("$.entries[*].filePath", everyItem(startsWith("TEST-"))))
			.andExpect(jsonPath("$.entries[*].host", everyItem(nullValue())))
			.andExpect(jsonPath("$.entries[*].runDir", everyItem(nullValue())))
			.andExpect(content().string(not(containsString(dir.toString()))));
		mvc.perform(get("/results/queue").with(user("reader").roles("USER")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("TEST-cut-short.xml")))
			.andExpect(content().string(not(containsString(dir.toString()))))
			.andExpect(content().string(not(containsString("build-3"))));

		mvc.perform(get("/api/v1/results/queue").with(user("admin").roles("USER", "ADMIN")))
			.andExpect(jsonPath("$.entries[*].filePath", everyItem(startsWith(dir.toString()))))
			.andExpect(jsonPath("$.entries[0].host").value("build-3"));
	}

	@Test
	void aFileNameWithAControlCharacterIsRefusedBeforeAnythingIsStored() throws Exception {
		accounts.create("ci-bot", "ci-lantern-orchard-1", false);
		String token = tokens.issue("ci-bot", "build farm", ResultsAccess.UPLOAD).secret();

		mvc.perform(post("/api/v1/results").queryParam("run", "r1").queryParam("file", "a.xml\n2026-12-07 ERROR forged line")
			.header("Authorization", "Bearer " + token).contentType("application/xml")
			.content(Reports.report("com.acme.ATest", 1, 0, 0).getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("control characters")));

		assertThat(jdbc.sql("select count(*) from test_run").query(Long.class).single()).isZero();
	}

}
