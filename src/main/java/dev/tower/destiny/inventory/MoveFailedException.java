package dev.tower.destiny.inventory;

/**
 * A move did not happen, or did not finish. {@link #getMessage()} says why and, when some hops succeeded, where the
 * item is now; {@link #reason()} says what kind of no it is.
 */
class MoveFailedException extends RuntimeException {

	/** Why, as the player's side sees it. */
	enum Reason {

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
		BUNGIE_DOWN

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

	Reason reason() {
		return reason;
	}

	/** Where the item ended up ("the vault", a character's class), or null when it did not move. */
	String where() {
		return where;
	}

}
