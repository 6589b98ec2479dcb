package dev.tower.destiny.login;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.tower.destiny.bungie.BungieClient;
import dev.tower.destiny.bungie.BungieException;
import dev.tower.destiny.bungie.BungieException.Kind;
import dev.tower.destiny.login.TokenCipher.UnreadableTokenException;

/**
 * Players from the stored, encrypted tokens. An access token expiring within a minute is refreshed first. Bungie's
 * refresh tokens are single-use, so exactly one request refreshes an account's tokens: it holds the account's row
 * lock (every Tower node respects it) and looks again once it has it, since whoever held it before may have
 * refreshed already. A striped in-memory lock on this node comes first, so concurrent requests here queue in memory
 * rather than each holding a database connection.
 */
@Service
class StoredPlayers implements Players {

	static final String EXPIRED = "Your Bungie.net login has expired: log in again";

	private static final Logger log = LoggerFactory.getLogger(StoredPlayers.class);

	private final ReentrantLock[] stripes = new ReentrantLock[64];

	private final BungieLinks links;

	private final BungieClient bungie;

	private final TransactionTemplate transaction;

	StoredPlayers(BungieLinks links, BungieClient bungie, TransactionTemplate transaction) {
		this.links = links;
		this.bungie = bungie;
		this.transaction = transaction;
		for (int i = 0; i < stripes.length; i++) {
			stripes[i] = new ReentrantLock();
		}
	}

	@Override
	public Optional<Player> forAccount(long accountId) {
		Optional<BungieLink> link;
		try {
			link = links.find(accountId);
		}
		catch (UnreadableTokenException ex) {
			transaction.executeWithoutResult(status -> forget(accountId, ex.getMessage()));
			throw new BungieException(Kind.UNAUTHORIZED, EXPIRED, null);
		}
		if (link.isEmpty()) {
			return Optional.empty();
		}
		if (link.get().tokens() == null) {
			throw new BungieException(Kind.UNAUTHORIZED, EXPIRED, null);
		}
		if (link.get().tokens().accessGoodAt(Instant.now())) {
			return Optional.of(link.get().player());
		}
		ReentrantLock lock = stripes[Math.floorMod(Long.hashCode(accountId), stripes.length)];
		lock.lock();
		try {
			Refreshed refreshed = transaction.execute(status -> refreshLocked(accountId));
			if (refreshed.player() == null) {
				throw new BungieException(Kind.UNAUTHORIZED, refreshed.problem(), null);
			}
			return Optional.of(refreshed.player());
		}
		finally {
			lock.unlock();
		}
	}

	/** In the transaction holding the row lock. Forgetting tokens must commit, so problems are returned, not thrown. */
	private Refreshed refreshLocked(long accountId) {
		Optional<BungieLink> locked;
		try {
			locked = links.lock(accountId);
		}
		catch (UnreadableTokenException ex) {
			return forget(accountId, ex.getMessage());
		}
		if (locked.isEmpty() || locked.get().tokens() == null) {
			return new Refreshed(null, EXPIRED);
		}
		BungieLink link = locked.get();
		Tokens tokens = link.tokens();
		Instant now = Instant.now();
		if (tokens.accessGoodAt(now)) {
			return new Refreshed(link.player(), null); // refreshed by whoever held the lock before us
		}
		if (!tokens.refreshGoodAt(now)) {
			return forget(accountId, "the refresh token expired at " + tokens.refreshExpiresAt());
		}
		Tokens fresh;
		try {
			fresh = Tokens.from(bungie.token(Map.of("grant_type", "refresh_token", "refresh_token", tokens.refresh())),
					now);
		}
		catch (BungieException ex) {
			if (ex.kind() == Kind.UNAUTHORIZED) {
				return forget(accountId, "Bungie.net refused the refresh token: " + ex.getMessage());
			}
			throw ex;
		}
		if (fresh.refresh() == null) {
			// Not what Bungie does, but then the old refresh token is all there is to keep.
			fresh = new Tokens(fresh.access(), fresh.accessExpiresAt(), tokens.refresh(), tokens.refreshExpiresAt());
		}
		links.storeTokens(accountId, link.membership().bungieMembershipId(), fresh);
		return new Refreshed(new BungieLink(accountId, link.membership(), fresh).player(), null);
	}

	private Refreshed forget(long accountId, String why) {
		log.info("Forgetting the Bungie.net tokens of account {}: {}", accountId, why);
		links.forgetTokens(accountId);
		return new Refreshed(null, EXPIRED);
	}

	private record Refreshed(Player player, String problem) {
	}

}
