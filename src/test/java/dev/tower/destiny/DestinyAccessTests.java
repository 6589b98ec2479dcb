package dev.tower.destiny;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.tower.TowerTest;
import dev.tower.account.AccountService;
import dev.tower.account.ApiTokenService;
import dev.tower.account.Role;
import dev.tower.account.TokenScope;
import dev.tower.results.ResultsAccess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Destiny's own access rules: the board is every player's, including accounts that may see nothing else (made by a
 * Bungie.net login), the manifest page the admins'. Tokens open none of its pages.
 */
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
		accounts.createForExternalLogin("Cayde", Role.PLAYER);
	}

	@Test
	void onlyAdminsSeeTheManifestPage() throws Exception {
		mvc.perform(get("/destiny/manifest").with(user("boss").roles("USER", "ADMIN"))).andExpect(status().isOk());
		mvc.perform(get("/destiny/manifest").with(user("guardian").roles("USER"))).andExpect(status().isForbidden());
		mvc.perform(get("/destiny/manifest").with(player())).andExpect(status().isForbidden());
		mvc.perform(get("/destiny/manifest")).andExpect(redirectedUrl("/login"));
	}

	@Test
	void tokensOpenNoDestinyPageNotEvenTheLogin() throws Exception {
		String admin = tokens.issue("boss", "scripts", TokenScope.API).secret();
		String upload = tokens.issue("boss", "test-rig", ResultsAccess.UPLOAD).secret();

		mvc.perform(get("/destiny/manifest").header("Authorization", "Bearer " + admin)).andExpect(status().isForbidden());
		mvc.perform(get("/destiny/login").header("Authorization", "Bearer " + upload)).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/destiny/manifest").header("Authorization", "Bearer " + admin)).andExpect(status().isOk());
		// Not found, because the testing profile has no Bungie application: the login's own answer, not a refusal.
		mvc.perform(get("/destiny/login")).andExpect(status().isNotFound());
	}

	@Test
	void aPlayerPlaysTheDestinyBoardAndReadsItsApi() throws Exception {
		mvc.perform(get("/destiny").with(player())).andExpect(status().isOk())
			.andExpect(content().string(not(containsString("href=\"/companies\""))))
			.andExpect(content().string(not(containsString("href=\"/results\""))))
			.andExpect(content().string(not(containsString("href=\"/account\""))))
			.andExpect(content().string(containsString(">player</span>")));
		mvc.perform(get("/destiny/xur").with(player())).andExpect(status().isOk());
		mvc.perform(get("/api/v1/destiny/manifest").with(player())).andExpect(status().isOk());
		mvc.perform(get("/api/v1/destiny/manifest/first-download").with(player())).andExpect(status().isOk());
		mvc.perform(get("/api/v1/destiny/loadouts").with(player())).andExpect(status().isOk());
		mvc.perform(get("/api/v1/account/notifications").with(player())).andExpect(status().isOk());
		mvc.perform(get("/").with(player())).andExpect(redirectedUrl("/destiny"));
	}

	@Test
	void aPlayerSeesNoOtherBoardAndMintsNoToken() throws Exception {
		for (String page : new String[] { "/companies", "/results", "/account", "/admin/jobs", "/api_1_0/get_company/1" }) {
			mvc.perform(get(page).with(player())).andExpect(status().isForbidden());
		}
		mvc.perform(get("/api/v1/companies").with(player()))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(
					"This account may use the Destiny board only, until an admin grants it the user role."));
		mvc.perform(post("/account/tokens").param("name", "mine").with(player()).with(csrf()))
			.andExpect(status().isForbidden());
		assertThatThrownBy(() -> tokens.issue("Cayde", "cli", TokenScope.API))
			.hasMessageContaining("may use the Destiny board only");
	}

	@Test
	void aPlayerGrantedTheUserRoleReadsEveryBoard() throws Exception {
		accounts.grant("Cayde", Role.USER);

		// Signed in anew: the grant ended the sessions signed in before it.
		mvc.perform(get("/companies").with(player())).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/companies").with(user("Cayde").authorities(new SimpleGrantedAuthority("ROLE_USER"),
				FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY))))
			.andExpect(status().isOk());
		assertThat(tokens.issue("Cayde", "cli", TokenScope.API).secret()).startsWith("twr_");
	}

	/** The authorities a player's account signs in with. */
	private static RequestPostProcessor player() {
		return user("Cayde").roles("PLAYER");
	}

}
