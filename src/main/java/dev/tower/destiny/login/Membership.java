package dev.tower.destiny.login;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * Who a Bungie.net account plays as: its Destiny membership on one platform. 64-bit ids stay strings.
 *
 * @param bungieMembershipId the Bungie.net account ({@code membership_id} of the token answer)
 * @param membershipType the platform ({@code BungieMembershipType})
 * @param destinyMembershipId the Destiny membership on that platform
 * @param displayName the player's Bungie Name ({@code Name#0123}) when set, the platform name otherwise
 * @param name the name without its numeric code, for a Tower username
 */
record Membership(String bungieMembershipId, int membershipType, String destinyMembershipId, String displayName,
		String name) {

	/**
	 * The membership that counts, from a {@code User.UserMembershipData}: with cross save, the one on the platform
	 * every other membership defers to ({@code crossSaveOverride}); otherwise the account's
	 * {@code primaryMembershipId}; otherwise the first. Empty when the account has no Destiny membership.
	 */
	static Optional<Membership> primary(String bungieMembershipId, JsonNode membershipData) {
		List<JsonNode> cards = new ArrayList<>();
		membershipData.path("destinyMemberships").forEach(cards::add);
		if (cards.isEmpty()) {
			return Optional.empty();
		}
		int override = cards.stream().mapToInt(card -> card.path("crossSaveOverride").asInt(0)).filter(t -> t != 0)
			.findFirst().orElse(0);
		String primaryId = membershipData.path("primaryMembershipId").asString("");
		JsonNode chosen = cards.stream()
			.filter(card -> override != 0 ? card.path("membershipType").asInt() == override
					: card.path("membershipId").asString("").equals(primaryId))
			.findFirst()
			.orElse(cards.get(0));
		JsonNode user = membershipData.path("bungieNetUser");
		String globalName = chosen.path("bungieGlobalDisplayName").asString("");
		if (globalName.isBlank()) {
			globalName = user.path("cachedBungieGlobalDisplayName").asString("");
		}
		int code = chosen.path("bungieGlobalDisplayNameCode")
			.asInt(user.path("cachedBungieGlobalDisplayNameCode").asInt(-1));
		String name = !globalName.isBlank() ? globalName
				: chosen.path("displayName").asString(user.path("displayName").asString("Guardian"));
		String displayName = !globalName.isBlank() && code >= 0 ? "%s#%04d".formatted(globalName, code) : name;
		return Optional.of(new Membership(bungieMembershipId, chosen.path("membershipType").asInt(),
				chosen.path("membershipId").asString(), cut(displayName), cut(name)));
	}

	private static String cut(String text) {
		return text.length() > 100 ? text.substring(0, 100) : text;
	}

}
