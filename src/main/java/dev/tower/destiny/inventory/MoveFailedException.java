package dev.tower.destiny.inventory;

import org.springframework.http.HttpStatus;

/**
 * A move did not happen, or did not finish. {@link #getMessage()} says why and, when some hops succeeded, where the
 * item is now; {@link #reason()} says what kind of no it is.
 */
public class MoveFailedException extends RuntimeException {

	/** Why, as the player's side sees it. */
	public enum Reason {

		/** The request does not say which item, or where to. */
		UNCLEAR,
		/** The item is not on the board (any more). */
		GONE,
		/** The game does not allow it: Tower knows before asking, or Bungie said so. */
		NOT_ALLOWED,
		/** The player's Bungie.net login has expired. */
		LOGIN_EXPIRED,
		/** Bungie.net asks Tower to slow down. */
		SLOW_DOWN,
		/** Bungie.net is down or did not answer. */
		BUNGIE_DOWN;

		/** The HTTP status that says this kind of no. */
		public HttpStatus status() {
			return switch (this) {
				case UNCLEAR -> HttpStatus.BAD_REQUEST;
				case GONE -> HttpStatus.NOT_FOUND;
				case NOT_ALLOWED -> HttpStatus.CONFLICT;
				case LOGIN_EXPIRED -> HttpStatus.UNAUTHORIZED;
				case SLOW_DOWN -> HttpStatus.TOO_MANY_REQUESTS;
				case BUNGIE_DOWN -> HttpStatus.SERVICE_UNAVAILABLE;
			};
		}

	}

	private final Reason reason;

	private final String where;

	MoveFailedException(Reason reason, String message, String where) {
		super(message);
		this.reason = reason;
		this.where = where;
	}

	MoveFailedException(Reason reason, String message) {
		this(reason, message, null);
	}

	public Reason reason() {
		return reason;
	}

	/** Where the item ended up ("the vault", a character's class), or null when it did not move. */
	public String where() {
		return where;
	}

}
