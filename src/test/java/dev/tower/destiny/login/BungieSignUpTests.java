package dev.tower.destiny.login;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;

import dev.tower.account.AccountService;
import dev.tower.account.Role;
import dev.tower.destiny.BungieOnStub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code tower.accounts.bungie-signup=closed}: Bungie.net logs in the accounts it is linked to, and makes none. */
@BungieOnStub
@TestPropertySource(properties = "tower.accounts.bungie-signup=closed")
class BungieSignUpTests extends BungieLoginTest {

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aNewPlayerIsRefusedWithAClearPageAndNoAccount() throws Exception {
		answerLikeBungie();
		MockHttpSession session = new MockHttpSession();

		mvc.perform(get("/destiny/callback").param("code", "c0de").param("state", start(session)).session(session))
			.andExpect(status().isForbidden())
			.andExpect(unauthenticated())
			.andExpect(content().string(containsString("does not make accounts for new Bungie.net players")));

		assertThat(accounts.list()).isEmpty();
		assertThat(jdbc.sql("select count(*) from bungie_link").query(Long.class).single()).isZero();
	}

	@Test
	void anAccountLinkedBeforeStillLogsInWithBungie() throws Exception {
		linkedReader();

		MockHttpSession later = new MockHttpSession();
		mvc.perform(get("/destiny/callback").param("code", "c0de-2").param("state", start(later)).session(later))
			.andExpect(authenticated().withUsername("reader"));
	}

	@Test
	void aDisabledAccountDoesNotLogInWithBungie() throws Exception {
		linkedReader();
		accounts.disable("reader", true);

		MockHttpSession later = new MockHttpSession();
		mvc.perform(get("/destiny/callback").param("code", "c0de-2").param("state", start(later)).session(later))
			.andExpect(status().isForbidden())
			.andExpect(unauthenticated())
			.andExpect(content().string(containsString("The Tower account reader is disabled")));
	}

	@Test
	void eachSettingGivesNewPlayersItsRole() {
		assertThat(bind(Map.of())).isEqualTo(Role.PLAYER);
		assertThat(bind(Map.of("tower.accounts.bungie-signup", "players-only"))).isEqualTo(Role.PLAYER);
		assertThat(bind(Map.of("tower.accounts.bungie-signup", "open"))).isEqualTo(Role.USER);
		assertThat(bind(Map.of("tower.accounts.bungie-signup", "closed"))).isNull();
	}

	/** A signed-in account links its Bungie.net account, which closed sign-up allows. */
	private void linkedReader() throws Exception {
		accounts.create("reader", "reader-kettle-harbour", false);
		answerLikeBungie();
		MockHttpSession session = new MockHttpSession();
		mvc.perform(get("/destiny/callback").param("code", "c0de").param("state", start(session, user("reader")))
			.session(session).with(user("reader"))).andExpect(redirectedUrl("/destiny"));
	}

	private static Role bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties))
			.bindOrCreate("tower.accounts", BungieSignUp.Settings.class)
			.bungieSignup()
			.newAccountRole();
	}

}
