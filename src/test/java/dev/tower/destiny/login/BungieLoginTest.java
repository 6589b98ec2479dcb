package dev.tower.destiny.login;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.UriComponentsBuilder;

import dev.tower.destiny.BungieOnStub;
import dev.tower.destiny.BungieStub;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Logging in against a Bungie stub whose answers each test scripts. The classes extending it are each annotated
 * {@link BungieOnStub} (its database clean-up is not inherited).
 */
abstract class BungieLoginTest {

	static final String TOKEN = "/Platform/App/OAuth/token/";

	static final String BUNGIE_ID = "21345678";

	static final String STEAM = "4611686018467260757";

	@Autowired
	BungieStub bungie;

	@Autowired
	MockMvc mvc;

	@BeforeEach
	void emptyStub() {
		bungie.reset();
	}

	/** Bungie.net answering a login: the code becomes tokens, which open {@link #crossSavedMemberships}. */
	void answerLikeBungie() {
		bungie.on("POST", TOKEN, r -> tokens("access-one", "refresh-one"));
		bungie.platform("GET", BungieLogin.MEMBERSHIPS, crossSavedMemberships());
	}

	/** Starts a login in {@code session}, as whoever that request is (a post-processor may sign it in); its state. */
	String start(MockHttpSession session, RequestPostProcessor... as) throws Exception {
		var request = get("/destiny/login").session(session);
		for (RequestPostProcessor processor : as) {
			request.with(processor);
		}
		String location = mvc.perform(request).andReturn().getResponse().getRedirectedUrl();
		return UriComponentsBuilder.fromUriString(location).build().getQueryParams().getFirst("state");
	}

	/** What Bungie's token endpoint answers, for both grants. */
	static BungieStub.Answer tokens(String access, String refresh) {
		return BungieStub.json(200, Map.of("access_token", access, "token_type", "Bearer", "expires_in", 3600,
				"refresh_token", refresh, "refresh_expires_in", 7776000, "membership_id", BUNGIE_ID));
	}

	/** A Steam player who moved to cross save from Xbox: Steam is primary. */
	static Map<String, Object> crossSavedMemberships() {
		return Map.of("destinyMemberships",
				List.of(MembershipTests.card(1, "4611686018400000001", 3), MembershipTests.card(3, STEAM, 3)),
				"primaryMembershipId", "4611686018400000001", "bungieNetUser",
				Map.of("membershipId", BUNGIE_ID, "displayName", "Cayde", "uniqueName", "Cayde#0006"));
	}

}
