package dev.tower.destiny.login;

/**
 * A Tower account linked to a Bungie.net account; {@code tokens} is null when the player has to log in with
 * Bungie.net again (logged out there, or the refresh token ran out).
 */
record BungieLink(long accountId, Membership membership, Tokens tokens) {

	Player player() {
		return new Player(accountId, membership.bungieMembershipId(), membership.membershipType(),
				membership.destinyMembershipId(), membership.displayName(), tokens.access());
	}

}
