package dev.tower.destiny.login;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.util.UriComponentsBuilder;

import dev.tower.account.AccountService;
import dev.tower.destiny.BungieOnStub;
import dev.tower.destiny.BungieStub;
import dev.tower.destiny.FakeBungie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Logging in with Bungie.net: the state check, the account it signs in or links, and the tokens it keeps. */
@BungieOnStub
class BungieLoginTests extends BungieLoginTest {

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void loginSendsThePlayerToBungieWithAStateBoundToTheSession() throws Exception {
		MockHttpSession session = new MockHttpSession();
		String location = mvc.perform(get("/destiny/login").session(session))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();

		URI authorize = URI.create(location);
		Map<String, String> query = UriComponentsBuilder.fromUri(authorize).build().getQueryParams().toSingleValueMap();
		assertThat(authorize.getPath()).isEqualTo("/en/OAuth/Authorize");
		assertThat(query).containsEntry("client_id", FakeBungie.CLIENT_ID).containsEntry("response_type", "code");
		assertThat(query.get("state")).isEqualTo(session.getAttribute(LoginState.ATTRIBUTE)).hasSize(43);
	}

	@Test
	void theSignInPageOffersBungieLogin() throws Exception {
		mvc.perform(get("/login")).andExpect(content().string(containsString("Log in with Bungie.net")));
	}

	@Test
	void anAccountWithoutABungieLoginIsOfferedOneOnTheBoardAndStaysSignedIn() throws Exception {
		accounts.create("zavala", "zavala-kettle-harbour", false);

		mvc.perform(get("/destiny").with(user("zavala")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"connect-bungie\"")))
			.andExpect(content().string(containsString("zavala")))
			.andExpect(content().string(not(containsString("Sign in</a>"))));
	}

	@Test
	void aStateThisSessionWasNotGivenIsRefused() throws Exception {
		answerLikeBungie();
		MockHttpSession session = new MockHttpSession();
		start(session);

		callback(session, "c0de", "a-state-made-up-by-an-attacker").andExpect(status().isForbidden())
			.andExpect(content().string(containsString("state does not match")));
		assertThat(bungie.requests("POST", TOKEN)).as("no code was exchanged").isEmpty();
		assertThat(accounts.list()).isEmpty();
	}

	@Test
	void aCallbackWithoutStateIsRefused() throws Exception {
		answerLikeBungie();
		MockHttpSession session = new MockHttpSession();
		start(session);

		mvc.perform(get("/destiny/callback").param("code", "c0de").session(session)).andExpect(status().isForbidden());
		callback(new MockHttpSession(), "c0de", "").andExpect(status().isForbidden());
		assertThat(bungie.requests("POST", TOKEN)).isEmpty();
	}

	@Test
	void aStateFromAnotherSessionIsRefused() throws Exception {
		answerLikeBungie();
		String victimsState = start(new MockHttpSession());
		MockHttpSession attacker = new MockHttpSession();
		start(attacker);

		callback(attacker, "c0de", victimsState).andExpect(status().isForbidden());
	}

	@Test
	void aStateIsUsedOnce() throws Exception {
		answerLikeBungie();
		MockHttpSession session = new MockHttpSession();
		String state = start(session);
		callback(session, "c0de", state).andExpect(redirectedUrl("/destiny"));

		callback(session, "c0de", state).andExpect(status().isForbidden());
		assertThat(bungie.requests("POST", TOKEN)).hasSize(1);
	}

	@Test
	void aNewPlayerGetsAPlayersAccountSignedInAndTheirTokensKeptEncrypted() throws Exception {
		answerLikeBungie();
		MockHttpSession session = new MockHttpSession();
		String state = start(session);
		String sessionIdBefore = session.getId();

		callback(session, "c0de", state).andExpect(redirectedUrl("/destiny")).andExpect(authenticated().withUsername("Cayde")
			.withRoles("PLAYER"));

		assertThat(session.getId()).as("a new session id once signed in").isNotEqualTo(sessionIdBefore);
		mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/destiny"));
		var token = bungie.requests("POST", TOKEN).get(0);
		assertThat(token.body()).contains("grant_type=authorization_code").contains("code=c0de");
		assertThat(bungie.requests("GET", "/Platform" + BungieLogin.MEMBERSHIPS).get(0).header("Authorization"))
			.isEqualTo("Bearer access-one");

		var row = jdbc.sql("select * from bungie_link").query().singleRow();
		assertThat(row).containsEntry("bungie_membership_id", BUNGIE_ID)
			.containsEntry("destiny_membership_id", STEAM)
			.containsEntry("membership_type", 3)
			.containsEntry("display_name", "Cayde#0006");
		assertThat((String) row.get("access_token")).isNotBlank().doesNotContain("access-one");
		assertThat((String) row.get("refresh_token")).isNotBlank().doesNotContain("refresh-one");
		assertThat(jdbc.sql("select count(*) from bungie_link where access_token like '%access-one%' "
				+ "or refresh_token like '%refresh-one%'").query(Long.class).single()).isZero();
	}

	@Test
	void theSameBungieAccountSignsInTheSameTowerAccountNextTime() throws Exception {
		answerLikeBungie();
		logIn(new MockHttpSession());
		bungie.on("POST", TOKEN, r -> tokens("access-two", "refresh-two"));

		MockHttpSession later = new MockHttpSession();
		callback(later, "c0de-2", start(later)).andExpect(authenticated().withUsername("Cayde"));

		assertThat(accounts.list()).hasSize(1);
	}

	@Test
	void aNewPlayerWhoseNameIsTakenGetsANumberedAccount() throws Exception {
		accounts.create("Cayde", "someone-elses-kettle-harbour", true);
		answerLikeBungie();

		MockHttpSession session = new MockHttpSession();
		callback(session, "c0de", start(session)).andExpect(authenticated().withUsername("Cayde-2").withRoles("PLAYER"));
	}

	@Test
	void aSignedInUserLinksTheirBungieAccount() throws Exception {
		long reader = accounts.create("reader", "reader-kettle-harbour", false).id();
		answerLikeBungie();
		MockHttpSession session = new MockHttpSession();
		String state = mvc.perform(get("/destiny/login").session(session).with(user("reader")))
			.andReturn().getResponse().getRedirectedUrl().replaceAll(".*state=", "");

		mvc.perform(get("/destiny/callback").param("code", "c0de").param("state", state).session(session)
			.with(user("reader"))).andExpect(redirectedUrl("/destiny")).andExpect(authenticated().withUsername("reader"));

		assertThat(jdbc.sql("select account_id from bungie_link").query(Long.class).single()).isEqualTo(reader);
		assertThat(accounts.list()).hasSize(1);
	}

	@Test
	void aBungieAccountLinkedToOneTowerAccountCannotBeLinkedToAnother() throws Exception {
		answerLikeBungie();
		logIn(new MockHttpSession());
		accounts.create("reader", "reader-kettle-harbour", false);

		MockHttpSession session = new MockHttpSession();
		String state = LoginState.issue(session);
		mvc.perform(get("/destiny/callback").param("code", "c0de").param("state", state).session(session)
			.with(user("reader")))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("already linked to another Tower account")));

		assertThat(jdbc.sql("select count(*) from bungie_link").query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void cancellingAtBungieShowsAClearPage() throws Exception {
		MockHttpSession session = new MockHttpSession();
		String state = start(session);

		mvc.perform(get("/destiny/callback").param("error", "access_denied").param("state", state).session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("You did not allow Tower to use your Bungie.net account")));
	}

	@Test
	void aCallbackWithoutACodeOrWithACodeBungieRefusesIsABadRequest() throws Exception {
		MockHttpSession session = new MockHttpSession();
		callback(session, null, start(session)).andExpect(status().isBadRequest());

		bungie.on("POST", TOKEN, r -> BungieStub.json(400,
				Map.of("error", "invalid_grant", "error_description", "AuthorizationCodeInvalid")));
		callback(session, "used-c0de", start(session)).andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("did not accept this login")));
		assertThat(accounts.list()).isEmpty();
	}

	@Test
	void bungieDownForMaintenanceIsAClearPage() throws Exception {
		bungie.on("POST", TOKEN, r -> BungieStub.maintenancePage());
		MockHttpSession session = new MockHttpSession();

		callback(session, "c0de", start(session)).andExpect(status().isServiceUnavailable())
			.andExpect(content().string(containsString("down for maintenance")));
	}

	@Test
	void anExpiredLoginAsksThePlayerToLogInAgain() throws Exception {
		mvc.perform(get(BungieLogin.LOG_IN_AGAIN))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Your Bungie.net login has expired: log in again")));
	}

	@Test
	void loggingOutOfBungieForgetsTheTokensButKeepsTheLink() throws Exception {
		answerLikeBungie();
		MockHttpSession session = new MockHttpSession();
		logIn(session);

		mvc.perform(post("/destiny/logout").session(session).with(csrf())).andExpect(status().isOk());

		var row = jdbc.sql("select access_token, refresh_token, bungie_membership_id from bungie_link").query().singleRow();
		assertThat(row.get("access_token")).isNull();
		assertThat(row.get("refresh_token")).isNull();
		assertThat(row.get("bungie_membership_id")).isEqualTo(BUNGIE_ID);
	}

	@Test
	void loggingOutNeedsACsrfToken() throws Exception {
		answerLikeBungie();
		MockHttpSession session = new MockHttpSession();
		logIn(session);

		mvc.perform(post("/destiny/logout").session(session)).andExpect(status().isForbidden());
		assertThat(jdbc.sql("select access_token from bungie_link").query(String.class).single()).isNotNull();
	}

	private void logIn(MockHttpSession session) throws Exception {
		callback(session, "c0de", start(session)).andExpect(redirectedUrl("/destiny"));
	}

	private ResultActions callback(MockHttpSession session, String code, String state) throws Exception {
		var request = get("/destiny/callback").session(session);
		if (code != null) {
			request.param("code", code);
		}
		if (state != null) {
			request.param("state", state);
		}
		return mvc.perform(request);
	}

}
