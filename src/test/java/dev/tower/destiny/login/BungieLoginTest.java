package dev.tower.destiny.login;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

import dev.tower.destiny.BungieOnStub;
import dev.tower.destiny.BungieStub;

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

	@BeforeEach
	void emptyStub() {
		bungie.reset();
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
