package dev.tower.results.upload;

import java.nio.charset.StandardCharsets;

import dev.tower.TowerTest;
import dev.tower.account.AccountService;
import dev.tower.account.ApiTokenService;
import dev.tower.results.Reports;
import dev.tower.results.ResultsAccess;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A server whose disk cannot keep the free space it must: uploads are refused with 507 before anything is written. */
@TowerTest
@TestPropertySource(properties = "tower.results.min-free-disk=1000000TB")
class UploadDiskSpaceTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	ApiTokenService tokens;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anUploadIsRefusedWhenTheDiskIsTooFull() throws Exception {
		accounts.create("ci-bot", "ci-bot-kettle-harbour", false);
		String token = tokens.issue("ci-bot", "build farm", ResultsAccess.UPLOAD).secret();

		mvc.perform(post("/api/v1/results?run=full").header("Authorization", "Bearer " + token)
			.contentType("application/xml")
			.content(Reports.report("com.acme.T", 1, 0, 0).getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isInsufficientStorage())
			.andExpect(jsonPath("$.detail").value(containsString("tower.results.min-free-disk")))
			.andExpect(jsonPath("$.detail").value(containsString("nothing was stored")));

		assertThat(jdbc.sql("select count(*) from test_run").query(Long.class).single()).isZero();
	}

}
