package dev.tower.destiny.login;

import java.util.Optional;

/**
 * The Bungie.net side of the signed-in Tower account. Refreshes the access token when it is about to expire (one
 * refresh at a time per account: Bungie's refresh tokens are single-use).
 */
public interface Players {

	/**
	 * The account's player, with a fresh access token; empty when the account never logged in with Bungie.net.
	 *
	 * @throws dev.tower.destiny.bungie.BungieException of kind UNAUTHORIZED when the refresh token is expired or
	 * revoked: the player must log in again
	 */
	Optional<Player> forAccount(long accountId);

}
