package dev.tower.account;

import dev.tower.TowerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@TowerTest
class ApiTokenTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	ApiTokenService tokens;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void accounts() {
		accounts.create("reader", "reader-password", false);
		accounts.create("boss", "boss-password", true);
	}

	@Test
	void aTokenOpensTheApiWithItsOwnersRoleAndNoSession() throws Exception {
		String token = tokens.issue("reader", "ci").secret();

		mvc.perform(get("/api/v1/companies").header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(request().sessionAttributeDoesNotExist("SPRING_SECURITY_CONTEXT"));
		mvc.perform(post("/api/v1/companies").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"A\",\"ceo\":\"B\",\"businessType\":\"C\"}"))
			.andExpect(status().isForbidden());
	}

	@Test
	void anAdminTokenWritesWithoutACsrfToken() throws Exception {
		String token = tokens.issue("boss", "deploy").secret();

		mvc.perform(post("/api/v1/companies").header("Authorization", "bearer " + token)
			.contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"A\",\"ceo\":\"B\",\"businessType\":\"C\"}"))
			.andExpect(status().isCreated());
	}

	@Test
	void onlyTheHashIsStored() {
		String token = tokens.issue("reader", "ci").secret();

		assertThat(token).startsWith("twr_").hasSizeGreaterThan(40);
		String stored = jdbc.queryForObject("select token_hash from api_token", String.class);
		assertThat(stored).isEqualTo(ApiTokenService.hash(token)).doesNotContain(token.substring(4));
	}

	@Test
	void aRevokedTokenIsRefusedAtOnce() throws Exception {
		var issued = tokens.issue("reader", "laptop");
		mvc.perform(get("/api/v1/companies").header("Authorization", "Bearer " + issued.secret())).andExpect(status().isOk());

		assertThat(tokens.revoke("reader", issued.token().id())).isTrue();

		mvc.perform(get("/api/v1/companies").header("Authorization", "Bearer " + issued.secret()))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value("The API token is unknown or revoked."));
	}

	@Test
	void nobodyRevokesSomeoneElsesToken() {
		var issued = tokens.issue("reader", "laptop");

		assertThat(tokens.revoke("boss", issued.token().id())).isFalse();
		assertThat(tokens.list("reader")).hasSize(1);
	}

	@Test
	void unknownOrMalformedTokensAre401sEvenOnPublicPages() throws Exception {
		for (String header : new String[] { "Bearer twr_nope", "Bearer ", "Bearer ' OR 1=1 --", "Bearer " + "x".repeat(5000) }) {
			mvc.perform(get("/api/v1/companies").header("Authorization", header))
				.andExpect(status().isUnauthorized())
				.andExpect(jsonPath("$.detail", containsString("unknown or revoked")));
		}
	}

	@Test
	void anonymousApiCallsLeaveNoSessionBehind() throws Exception {
		mvc.perform(get("/api/v1/companies"))
			.andExpect(status().isUnauthorized())
			.andExpect(result -> assertThat(result.getRequest().getSession(false)).isNull());
	}

	@Test
	void aTokenNeedsAName() {
		assertThatThrownBy(() -> tokens.issue("reader", "  ")).isInstanceOf(AccountException.class);
		assertThatThrownBy(() -> tokens.issue("reader", "x".repeat(81))).isInstanceOf(AccountException.class);
	}

	@Test
	void theLastUseIsRecorded() throws Exception {
		var issued = tokens.issue("reader", "ci");
		assertThat(tokens.list("reader").get(0).lastUsedAt()).isNull();

		mvc.perform(get("/api/v1/companies").header("Authorization", "Bearer " + issued.secret()));

		assertThat(tokens.list("reader").get(0).lastUsedAt()).isNotNull();
	}

}
