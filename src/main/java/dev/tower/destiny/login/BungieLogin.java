package dev.tower.destiny.login;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import dev.tower.account.AccountService;
import dev.tower.account.AccountView;
import dev.tower.destiny.bungie.BungieClient;
import dev.tower.destiny.bungie.BungieEndpoints;

/**
 * Finishes a Bungie.net login: the authorization code becomes tokens, the tokens tell whose Destiny memberships
 * they open, and the Bungie account is linked to a Tower account — the one signed in, else the one it was linked
 * to before, else a new one as {@link BungieSignUp} allows. One Bungie account is linked to one Tower account at
 * most. A disabled account is not signed in.
 */
@Service
public class BungieLogin {

	/**
	 * Where to send a player whose Bungie.net login expired or was revoked ({@code BungieException} of kind
	 * UNAUTHORIZED): a page saying so, with a button to log in again.
	 */
	public static final String LOG_IN_AGAIN = "/destiny/login?expired";

	static final String MEMBERSHIPS = BungieEndpoints.MEMBERSHIPS.path();

	private final BungieClient bungie;

	private final BungieLinks links;

	private final AccountService accounts;

	private final TokenSecret secret;

	private final TransactionTemplate transaction;

	private final BungieSignUp signUp;

	BungieLogin(BungieClient bungie, BungieLinks links, AccountService accounts, TokenSecret secret,
			TransactionTemplate transaction, BungieSignUp.Settings settings) {
		this.bungie = bungie;
		this.links = links;
		this.accounts = accounts;
		this.secret = secret;
		this.transaction = transaction;
		this.signUp = settings.bungieSignup();
	}

	/** Whether players can log in with Bungie.net here: a Bungie application is configured and tokens can be kept. */
	public boolean available() {
		return bungie.properties().configured() && secret.available();
	}

	/** Why players cannot log in with Bungie.net here, or null when they can. */
	String unavailableBecause() {
		if (!bungie.properties().configured()) {
			return "Bungie.net login is not set up on this Tower: it needs BUNGIE_API_KEY, BUNGIE_CLIENT_ID and "
					+ "BUNGIE_CLIENT_SECRET.";
		}
		if (!secret.available()) {
			return "Bungie.net login needs TOWER_SECRET_KEY on this Tower: it encrypts the stored Bungie.net tokens.";
		}
		return null;
	}

	URI authorizeUri(String state) {
		return bungie.authorizeUri(state);
	}

	/**
	 * Exchanges {@code code}, links the Bungie account and returns the username of the Tower account to sign in.
	 *
	 * @param signedIn the Tower user already signed in, or null
	 * @throws LoginRefusedException when the link is not allowed or the account has no Destiny membership
	 * @throws dev.tower.destiny.bungie.BungieException when Bungie.net refuses the code or does not answer
	 */
	String complete(String code, String signedIn) {
		Instant now = Instant.now();
		JsonNode answer = bungie.token(Map.of("grant_type", "authorization_code", "code", code));
		Tokens tokens = Tokens.from(answer, now);
		JsonNode memberships = bungie.get(MEMBERSHIPS, tokens.access());
		String bungieMembershipId = answer.path("membership_id")
			.asString(memberships.path("bungieNetUser").path("membershipId").asString(""));
		if (bungieMembershipId.isBlank()) {
			throw new LoginRefusedException(HttpStatus.BAD_GATEWAY, "Bungie.net did not say which account logged in.");
		}
		Membership membership = Membership.primary(bungieMembershipId, memberships)
			.orElseThrow(() -> new LoginRefusedException(HttpStatus.CONFLICT,
					"This Bungie.net account has no Destiny 2 membership: play once, then log in again."));
		try {
			return transaction.execute(status -> link(membership, tokens, signedIn));
		}
		catch (DataIntegrityViolationException ex) {
			// Another login for the same Bungie account won the race: its link stands.
			throw new LoginRefusedException(HttpStatus.CONFLICT,
					"This Bungie.net account was just linked by another login: try again.");
		}
	}

	private String link(Membership membership, Tokens tokens, String signedIn) {
		Long linkedTo = links.accountOf(membership.bungieMembershipId()).orElse(null);
		AccountView account;
		if (signedIn != null) {
			account = accounts.find(signedIn)
				.orElseThrow(() -> new LoginRefusedException(HttpStatus.FORBIDDEN, "Your Tower account no longer exists."));
			if (linkedTo != null && linkedTo != account.id()) {
				throw new LoginRefusedException(HttpStatus.CONFLICT, "The Bungie.net account " + membership.displayName()
						+ " is already linked to another Tower account: sign out and log in with Bungie.net to use it.");
			}
		}
		else if (linkedTo != null) {
			account = accounts.find(linkedTo)
				.orElseThrow(() -> new LoginRefusedException(HttpStatus.CONFLICT, "The linked Tower account is gone."));
		}
		else if (signUp.newAccountRole() != null) {
			account = accounts.createForExternalLogin(membership.name(), signUp.newAccountRole());
		}
		else {
			throw new LoginRefusedException(HttpStatus.FORBIDDEN, "This Tower does not make accounts for new Bungie.net "
					+ "players. If you have a Tower account, sign in first, then log in with Bungie.net from the Destiny "
					+ "board to link the two; otherwise ask an admin for an account.");
		}
		if (account.disabled()) {
			throw new LoginRefusedException(HttpStatus.FORBIDDEN,
					"The Tower account " + account.username() + " is disabled: ask an admin.");
		}
		links.save(account.id(), membership, tokens);
		return account.username();
	}

	/** Forgets the account's tokens (logging out of Bungie.net); the link stays. */
	void logOut(String username) {
		accounts.find(username).ifPresent(account -> links.forgetTokens(account.id()));
	}

}
