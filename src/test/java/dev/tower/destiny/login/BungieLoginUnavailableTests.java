package dev.tower.destiny.login;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import dev.tower.TowerTest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Without a Bungie application (the default), there is no Bungie.net login to offer. */
@TowerTest
class BungieLoginUnavailableTests {

	@Autowired
	MockMvc mvc;

	@Test
	void theSignInPageOffersNoBungieLogin() throws Exception {
		mvc.perform(get("/login")).andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Log in with Bungie.net"))));
	}

	@Test
	void theLoginAddressSaysWhatIsMissing() throws Exception {
		mvc.perform(get("/destiny/login")).andExpect(status().isNotFound())
			.andExpect(content().string(containsString("BUNGIE_API_KEY, BUNGIE_CLIENT_ID and BUNGIE_CLIENT_SECRET")))
			// said once, under its own heading (the layout's title and flash message are not borrowed)
			.andExpect(content().string(containsString("<span>Bungie.net login is not available</span>")))
			.andExpect(content().string(not(containsString("alert-success"))));
		mvc.perform(get("/destiny/callback").param("code", "c").param("state", "s")).andExpect(status().isForbidden());
	}

}
