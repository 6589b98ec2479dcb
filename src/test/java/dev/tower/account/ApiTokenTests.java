package dev.tower.account;

import java.util.List;

import dev.tower.TowerTest;
import dev.tower.results.ResultsAccess;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
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
	TokenScopes scopes;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void accounts() {
		accounts.create("reader", "reader-kettle-harbour", false);
		accounts.create("boss", "boss-kettle-harbour", true);
	}

	@Test
	void aTokenOpensTheApiWithItsOwnersRoleAndNoSession() throws Exception {
		String token = tokens.issue("reader", "ci", TokenScope.API).secret();

		mvc.perform(get("/api/v1/companies").header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(request().sessionAttributeDoesNotExist("SPRING_SECURITY_CONTEXT"));
		mvc.perform(post("/api/v1/companies").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"A\",\"ceo\":\"B\",\"businessType\":\"C\"}"))
			.andExpect(status().isForbidden());
	}

	@Test
	void anAdminTokenWritesWithoutACsrfToken() throws Exception {
		String token = tokens.issue("boss", "deploy", TokenScope.API).secret();

		mvc.perform(post("/api/v1/companies").header("Authorization", "bearer " + token)
			.contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"A\",\"ceo\":\"B\",\"businessType\":\"C\"}"))
			.andExpect(status().isCreated());
	}

	@Test
	void onlyTheHashIsStored() {
		String token = tokens.issue("reader", "ci", TokenScope.API).secret();

		assertThat(token).startsWith("twr_").hasSizeGreaterThan(40);
		String stored = jdbc.queryForObject("select token_hash from api_token", String.class);
		assertThat(stored).isEqualTo(ApiTokenService.hash(token)).doesNotContain(token.substring(4));
	}

	@Test
	void aRevokedTokenIsRefusedAtOnce() throws Exception {
		var issued = tokens.issue("reader", "laptop", TokenScope.API);
		mvc.perform(get("/api/v1/companies").header("Authorization", "Bearer " + issued.secret())).andExpect(status().isOk());

		assertThat(tokens.revoke("reader", issued.token().id())).isTrue();

		mvc.perform(get("/api/v1/companies").header("Authorization", "Bearer " + issued.secret()))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value("The API token is unknown or revoked, or its account is disabled."));
	}

	@Test
	void nobodyRevokesSomeoneElsesToken() {
		var issued = tokens.issue("reader", "laptop", TokenScope.API);

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
		assertThatThrownBy(() -> tokens.issue("reader", "  ", TokenScope.API)).isInstanceOf(AccountException.class);
		assertThatThrownBy(() -> tokens.issue("reader", "x".repeat(81), TokenScope.API)).isInstanceOf(AccountException.class);
	}

	@Test
	void theLastUseIsRecorded() throws Exception {
		var issued = tokens.issue("reader", "ci", TokenScope.API);
		assertThat(tokens.list("reader").get(0).lastUsedAt()).isNull();

		mvc.perform(get("/api/v1/companies").header("Authorization", "Bearer " + issued.secret()));

		assertThat(tokens.list("reader").get(0).lastUsedAt()).isNotNull();
	}

	@Test
	void anUploadTokenIsRefusedEverythingButUploadingTestResults() throws Exception {
		// The admin's own upload token, to show that an upload token does not inherit its owner's role.
		String token = tokens.issue("boss", "test-rig", ResultsAccess.UPLOAD).secret();
		String onlyUploads = "This token may only upload test results (scope upload).";

		mvc.perform(get("/api/v1/companies").header("Authorization", "Bearer " + token))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(onlyUploads));
		mvc.perform(post("/api/v1/companies").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"A\",\"ceo\":\"B\",\"businessType\":\"C\"}"))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(onlyUploads));
		mvc.perform(post("/api/v1/jobs").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON).content("{\"task\":\"notify\"}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(onlyUploads));
		mvc.perform(get("/api_1_0/get_company/1").header("Authorization", "Bearer " + token))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.message").value(onlyUploads));
		mvc.perform(get("/companies").header("Authorization", "Bearer " + token)).andExpect(status().isForbidden());
		mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + token)).andExpect(status().isForbidden());
	}

	@Test
	void anUploadTokenIsStillRefusedWhenItComesFromTheCache() throws Exception {
		String token = tokens.issue("boss", "test-rig", ResultsAccess.UPLOAD).secret();

		for (int call = 0; call < 2; call++) {
			mvc.perform(get("/api/v1/companies").header("Authorization", "Bearer " + token))
				.andExpect(status().isForbidden());
		}
	}

	@Test
	void uploadAndApiTokensMayUploadTestResults() throws Exception {
		// The results endpoint may not exist yet: getting past authorization is all that is asked here.
		for (TokenScope scope : List.of(TokenScope.API, ResultsAccess.UPLOAD)) {
			String token = tokens.issue("reader", "test-rig-" + scope.id(), scope).secret();

			for (String path : new String[] { "/api/v1/results", "/api/v1/results/" }) {
				mvc.perform(post(path).header("Authorization", "Bearer " + token)
					.contentType(MediaType.APPLICATION_XML).content("<testsuites/>"))
					.andExpect(result -> assertThat(result.getResponse().getStatus()).as("%s token, %s", scope.id(), path)
						.isNotIn(401, 403));
			}
		}
	}

	@Test
	void uploadingTestResultsTakesAToken() throws Exception {
		mvc.perform(post("/api/v1/results").with(user("boss").roles("USER", "ADMIN")).with(csrf())
			.contentType(MediaType.APPLICATION_XML).content("<testsuites/>"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail", containsString("personal API token with scope upload")));
	}

	@Test
	void anApiTokenStillReadsWhatItsOwnerMayRead() throws Exception {
		String token = tokens.issue("reader", "scripts", TokenScope.API).secret();

		mvc.perform(get("/api/v1/companies").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
		mvc.perform(get("/api_1_0/get_company/1").header("Authorization", "Bearer " + token))
			.andExpect(status().isNotFound());
	}

	@Test
	void aTokenCannotMintTokensSoRevokingALeakedOneLocksTheHolderOut() throws Exception {
		var leaked = tokens.issue("reader", "laptop", TokenScope.API);
		String bearer = "Bearer " + leaked.secret();

		// With or without a CSRF token, alone or riding along with a session: the account pages take no token.
		mvc.perform(post("/account/tokens").param("name", "mine-now").header("Authorization", bearer))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(
					"API tokens open the API and the metrics only: sign in to use pages and your account."));
		mvc.perform(post("/account/tokens").param("name", "mine-now").header("Authorization", bearer).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(tokens.list("reader")).singleElement().extracting(ApiTokenView::name).isEqualTo("laptop");

		tokens.revoke("reader", leaked.token().id());

		mvc.perform(get("/api/v1/companies").header("Authorization", bearer)).andExpect(status().isUnauthorized());
		assertThat(tokens.list("reader")).isEmpty();
	}

	@Test
	void aTokenOpensNoPageOnlyTheApiAndTheMetrics() throws Exception {
		String reader = "Bearer " + tokens.issue("reader", "scripts", TokenScope.API).secret();
		String admin = "Bearer " + tokens.issue("boss", "scraper", TokenScope.API).secret();

		for (String page : new String[] { "/", "/companies", "/account", "/results", "/destiny", "/admin/jobs" }) {
			mvc.perform(get(page).header("Authorization", admin)).andExpect(status().isForbidden());
		}
		mvc.perform(post("/account/tokens/1/revoke").header("Authorization", admin)).andExpect(status().isForbidden());
		mvc.perform(get("/actuator/prometheus").header("Authorization", admin)).andExpect(status().isOk());
		mvc.perform(get("/actuator/metrics/jvm.memory.used").header("Authorization", admin)).andExpect(status().isOk());
		mvc.perform(get("/actuator/info").header("Authorization", admin)).andExpect(status().isForbidden());
		mvc.perform(get("/actuator/prometheus").header("Authorization", reader)).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/companies").header("Authorization", reader)).andExpect(status().isOk());
	}

	@Test
	void revokingAllOfAnAccountsTokensStopsEveryOne() throws Exception {
		String first = tokens.issue("reader", "laptop", TokenScope.API).secret();
		String second = tokens.issue("reader", "test-rig", ResultsAccess.UPLOAD).secret();
		String others = tokens.issue("boss", "deploy", TokenScope.API).secret();
		mvc.perform(get("/api/v1/companies").header("Authorization", "Bearer " + first)).andExpect(status().isOk());

		assertThat(tokens.revokeAll("reader")).isEqualTo(2);

		for (String token : new String[] { first, second }) {
			mvc.perform(get("/api/v1/companies").header("Authorization", "Bearer " + token))
				.andExpect(status().isUnauthorized());
		}
		mvc.perform(get("/api/v1/companies").header("Authorization", "Bearer " + others)).andExpect(status().isOk());
		assertThatThrownBy(() -> tokens.revokeAll("nobody")).hasMessage("no account named 'nobody'");
	}

	@Test
	void aDisabledAccountsTokensStopWorkingAndComeBackWhenEnabled() throws Exception {
		String token = "Bearer " + tokens.issue("reader", "laptop", TokenScope.API).secret();
		mvc.perform(get("/api/v1/companies").header("Authorization", token)).andExpect(status().isOk());

		accounts.disable("reader", true);
		mvc.perform(get("/api/v1/companies").header("Authorization", token))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail", containsString("its account is disabled")));

		accounts.disable("reader", false);
		mvc.perform(get("/api/v1/companies").header("Authorization", token)).andExpect(status().isOk());
	}

	@Test
	void aRoleTakenAwayIsTakenFromTheTokensAtOnce() throws Exception {
		String token = "Bearer " + tokens.issue("boss", "deploy", TokenScope.API).secret();
		String company = "{\"name\":\"A\",\"ceo\":\"B\",\"businessType\":\"C\"}";
		mvc.perform(get("/api/v1/companies").header("Authorization", token)).andExpect(status().isOk());

		accounts.grant("boss", Role.USER);

		mvc.perform(post("/api/v1/companies").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON).content(company)).andExpect(status().isForbidden());
	}

	@Test
	void tokensIssuedBeforeScopesExistedActAsTheirAccount() throws Exception {
		String token = ApiTokenService.PREFIX + "issued-before-scopes-existed-0123456789abcdef";
		jdbc.update("""
				insert into api_token (account_id, name, token_hash, token_prefix, created_at)
				select id, 'old', ?, ?, current_timestamp from account where username = 'boss'""",
				ApiTokenService.hash(token), token.substring(0, 10));

		assertThat(tokens.list("boss")).singleElement().extracting(ApiTokenView::scope).isEqualTo(TokenScope.API);
		mvc.perform(post("/api/v1/companies").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"A\",\"ceo\":\"B\",\"businessType\":\"C\"}"))
			.andExpect(status().isCreated());
	}

	@Test
	void anUnknownScopeIsRefusedWithTheScopesThatExist() {
		assertThatThrownBy(() -> scopes.of("admin")).isInstanceOf(AccountException.class)
			.hasMessage("unknown token scope 'admin': use api or upload");
		assertThat(scopes.of("Upload")).isEqualTo(ResultsAccess.UPLOAD);
	}

}
