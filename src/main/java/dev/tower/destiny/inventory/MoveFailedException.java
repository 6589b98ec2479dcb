package dev.tower.destiny.inventory;

/**
 * A move did not finish. {@link #getMessage()} says why and, when some hops succeeded, where the item is now;
 * {@link #status()} is the HTTP status the board answers with.
 */
class MoveFailedException extends RuntimeException {

	private final int status;

	private final String where;

	MoveFailedException(int status, String message, String where) {
		super(message);
		this.status = status;
		this.where = where;
	}

	MoveFailedException(int status, String message) {
		this(status, message, null);
	}

	int status() {
		return status;
	}

	/** Where the item ended up ("the vault", a character's class), or null when it did not move. */
	String where() {
		return where;
	}

}
