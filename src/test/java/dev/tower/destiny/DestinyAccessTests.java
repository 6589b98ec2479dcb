package dev.tower.destiny;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import dev.tower.TowerTest;
import dev.tower.account.AccountService;
import dev.tower.account.ApiTokenService;
import dev.tower.account.TokenScope;
import dev.tower.results.ResultsAccess;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Destiny's own access rules hold for machines with a token as they do for people in a browser. */
@TowerTest
class DestinyAccessTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApiTokenService tokens;

	@Autowired
	AccountService accounts;

	@BeforeEach
	void accounts() {
		accounts.create("guardian", "guardian-kettle-harbour", false);
		accounts.create("boss", "boss-kettle-harbour", true);
	}

	@Test
	void onlyAdminsSeeTheManifestPage() throws Exception {
		String player = tokens.issue("guardian", "scripts", TokenScope.API).secret();
		String admin = tokens.issue("boss", "scripts", TokenScope.API).secret();

		mvc.perform(get("/destiny/manifest").header("Authorization", "Bearer " + admin)).andExpect(status().isOk());
		mvc.perform(get("/destiny/manifest").header("Authorization", "Bearer " + player)).andExpect(status().isForbidden());
		mvc.perform(get("/destiny/manifest").with(user("guardian").roles("USER"))).andExpect(status().isForbidden());
		mvc.perform(get("/destiny/manifest")).andExpect(redirectedUrl("/login"));
	}

	@Test
	void strangersAndTokensWithoutARoleReachTheBungieLogin() throws Exception {
		String upload = tokens.issue("boss", "test-rig", ResultsAccess.UPLOAD).secret();

		// Not found, because the testing profile has no Bungie application: the login's own answer, not a refusal.
		mvc.perform(get("/destiny/login")).andExpect(status().isNotFound());
		mvc.perform(get("/destiny/login").header("Authorization", "Bearer " + upload)).andExpect(status().isNotFound());
	}

}
