package dev.tower.destiny.inventory;

import java.util.Optional;

import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import dev.tower.account.AccountService;
import dev.tower.destiny.bungie.BungieProperties;
import dev.tower.destiny.login.Players;

/**
 * Whose board a request shows: with a Bungie application configured, the signed-in account's Bungie.net player;
 * without one, a demo board of the browser session's own.
 */
@Component
public class Guardians {

	static final String DEMO_MEMBERSHIP_ID = "4611686018467284386";

	private final BungieProperties bungie;

	private final AccountService accounts;

	private final ObjectProvider<Players> players;

	Guardians(BungieProperties bungie, AccountService accounts, ObjectProvider<Players> players) {
		this.bungie = bungie;
		this.accounts = accounts;
		this.players = players;
	}

	boolean demo() {
		return !bungie.configured();
	}

	/**
	 * @throws NotLinkedException when the account has not logged in with Bungie.net yet
	 */
	public Guardian current(Authentication authentication, HttpSession session) {
		if (demo()) {
			return new Guardian("demo:" + session.getId(), 3, DEMO_MEMBERSHIP_ID, "Demo Guardian", null, true);
		}
		long accountId = accounts.find(authentication.getName())
			.orElseThrow(NotLinkedException::new)
			.id();
		return forAccount(accountId).orElseThrow(NotLinkedException::new);
	}

	/** The account's Bungie.net player, outside a request (a background task); the demo board in demo mode. */
	Optional<Guardian> forAccount(long accountId) {
		if (demo()) {
			return Optional.of(new Guardian("demo:account:" + accountId, 3, DEMO_MEMBERSHIP_ID, "Demo Guardian", null,
					true));
		}
		return players.getObject().forAccount(accountId).map(player -> new Guardian("player:"
				+ player.membershipType() + ":" + player.destinyMembershipId(), player.membershipType(),
				player.destinyMembershipId(), player.displayName(), player.accessToken(), false));
	}

	public static String className(int classType) {
		return switch (classType) {
			case 0 -> "Titan";
			case 1 -> "Hunter";
			case 2 -> "Warlock";
			default -> "Any class";
		};
	}

	static String raceName(int raceType) {
		return switch (raceType) {
			case 0 -> "Human";
			case 1 -> "Awoken";
			case 2 -> "Exo";
			default -> "";
		};
	}

	static String genderName(int genderType) {
		return switch (genderType) {
			case 0 -> "Male";
			case 1 -> "Female";
			default -> "";
		};
	}

	/** The signed-in account has no Bungie.net link: the board offers the Bungie.net login. */
	public static class NotLinkedException extends RuntimeException {

		NotLinkedException() {
			super("log in with Bungie.net to see your vault");
		}

		/** The API's answer: 403, with where to log in. */
		public ResponseEntity<ProblemDetail> problem() {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
					"Log in with Bungie.net first: Tower shows and moves the items of the player who logged in.");
			problem.setProperty("login", "/destiny/login");
			return ResponseEntity.status(HttpStatus.FORBIDDEN)
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(problem);
		}

	}

}
