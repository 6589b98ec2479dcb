package dev.tower.destiny.inventory;

/**
 * Whose board is shown: a Bungie.net player (with a fresh access token), or a demo board. {@code key} names the
 * board in caches and in the demo's in-memory state.
 */
public record Guardian(String key, int membershipType, String membershipId, String displayName, String accessToken,
		boolean demo) {

	@Override
	public String toString() {
		return "Guardian[" + displayName + ", " + membershipType + "/" + membershipId + (demo ? ", demo" : "") + "]";
	}

}
