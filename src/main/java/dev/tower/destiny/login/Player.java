package dev.tower.destiny.login;

/**
 * A Tower account's Bungie.net link, with an access token good for the next minute at least. Membership ids are
 * 64-bit: kept as strings from end to end.
 *
 * @param bungieMembershipId the Bungie.net account
 * @param membershipType the Destiny membership's platform (cross-save's primary one when there is one)
 * @param destinyMembershipId the Destiny membership on that platform
 */
public record Player(long accountId, String bungieMembershipId, int membershipType, String destinyMembershipId,
		String displayName, String accessToken) {

	@Override
	public String toString() {
		return "Player[" + displayName + ", " + membershipType + "/" + destinyMembershipId + "]";
	}

}
