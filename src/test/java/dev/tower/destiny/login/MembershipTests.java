package dev.tower.destiny.login;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class MembershipTests {

	static final String BUNGIE_ID = "21345678";

	static final String XBOX = "4611686018400000001";

	static final String STEAM = "4611686018467260757";

	static final String PSN = "4611686018400000003";

	@Test
	void crossSavesPrimaryWinsOverEverythingElse() {
		// Cross save to Steam (3): every membership names Steam as its override; primaryMembershipId says Xbox.
		JsonNode data = data(XBOX, List.of(card(1, XBOX, 3), card(3, STEAM, 3), card(2, PSN, 3)));

		Membership chosen = Membership.primary(BUNGIE_ID, data).orElseThrow();

		assertThat(chosen.membershipType()).isEqualTo(3);
		assertThat(chosen.destinyMembershipId()).isEqualTo(STEAM);
		assertThat(chosen.bungieMembershipId()).isEqualTo(BUNGIE_ID);
	}

	@Test
	void withoutCrossSaveThePrimaryMembershipIdChooses() {
		JsonNode data = data(PSN, List.of(card(1, XBOX, 0), card(2, PSN, 0)));

		assertThat(Membership.primary(BUNGIE_ID, data).orElseThrow().destinyMembershipId()).isEqualTo(PSN);
	}

	@Test
	void otherwiseTheFirstMembership() {
		JsonNode data = data(null, List.of(card(1, XBOX, 0), card(2, PSN, 0)));

		assertThat(Membership.primary(BUNGIE_ID, data).orElseThrow().destinyMembershipId()).isEqualTo(XBOX);
	}

	@Test
	void noDestinyMembershipIsNone() {
		assertThat(Membership.primary(BUNGIE_ID, data(null, List.of()))).isEmpty();
	}

	@Test
	void idsSentAsNumbersStayExactAndTheBungieNameCarriesItsCode() {
		JsonNode data = JsonMapper.builder().build().readTree("""
				{"destinyMemberships": [{"membershipType": 3, "membershipId": 4611686018467260757, "crossSaveOverride": 0,
				  "displayName": "steamname", "bungieGlobalDisplayName": "Ikora", "bungieGlobalDisplayNameCode": 7}],
				 "primaryMembershipId": 4611686018467260757, "bungieNetUser": {"membershipId": "21345678"}}""");

		Membership chosen = Membership.primary(BUNGIE_ID, data).orElseThrow();

		assertThat(chosen.destinyMembershipId()).isEqualTo(STEAM);
		assertThat(chosen.displayName()).isEqualTo("Ikora#0007");
		assertThat(chosen.name()).isEqualTo("Ikora");
	}

	static JsonNode data(String primary, List<Map<String, Object>> cards) {
		Map<String, Object> data = new java.util.LinkedHashMap<>();
		data.put("destinyMemberships", cards);
		if (primary != null) {
			data.put("primaryMembershipId", primary);
		}
		data.put("bungieNetUser", Map.of("membershipId", BUNGIE_ID, "displayName", "Cayde",
				"cachedBungieGlobalDisplayName", "Cayde", "cachedBungieGlobalDisplayNameCode", 6));
		return JsonMapper.builder().build().valueToTree(data);
	}

	static Map<String, Object> card(int type, String id, int crossSaveOverride) {
		return Map.of("membershipType", type, "membershipId", id, "crossSaveOverride", crossSaveOverride,
				"displayName", "Cayde-" + type, "bungieGlobalDisplayName", "Cayde", "bungieGlobalDisplayNameCode", 6,
				"applicableMembershipTypes", List.of(type), "isPublic", true, "LastSeenDisplayName", "Cayde",
				"LastSeenDisplayNameType", type);
	}

}
