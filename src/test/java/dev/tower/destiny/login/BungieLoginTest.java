package dev.tower.destiny.login;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.tower.TowerTest;
import dev.tower.destiny.BungieStub;

/**
 * The whole application against a Bungie stub with a configured Bungie application and a secret key. The classes
 * extending it (each annotated {@link TowerTest}: its database clean-up is not inherited) share one context and
 * one stub.
 */
abstract class BungieLoginTest {

	static final String TOKEN = "/Platform/App/OAuth/token/";

	static final String BUNGIE_ID = "21345678";

	static final String STEAM = "4611686018467260757";

	static final BungieStub bungie = new BungieStub();

	@DynamicPropertySource
	static void bungieSettings(DynamicPropertyRegistry registry) {
		registry.add("tower.bungie.base-url", () -> bungie.baseUrl().toString());
		registry.add("tower.bungie.api-key", () -> "test-api-key");
		registry.add("tower.bungie.client-id", () -> "4242");
		registry.add("tower.bungie.client-secret", () -> "test-client-secret");
		registry.add("tower.secret-key", () -> "a test secret that is long enough");
	}

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
