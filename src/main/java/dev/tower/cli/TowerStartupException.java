package dev.tower.cli;

import java.sql.SQLException;

/**
 * A configuration mistake, or a service Tower needs that refused or did not answer at start-up: printed as one line
 * naming the cause (exit code 2), with the stack trace only under {@code --debug}.
 */
class TowerStartupException extends RuntimeException {

	TowerStartupException(String message) {
		super(message);
	}

	private TowerStartupException(String message, Throwable cause) {
		super(message, cause);
	}

	/**
	 * Start-up failed. The database driver's own message names the server and what it said (a refused password, a
	 * closed port); otherwise the innermost cause is what an operator can act on.
	 */
	static TowerStartupException cannotStart(Throwable failure) {
		Throwable root = failure;
		SQLException database = null;
		for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			root = cause;
			if (cause instanceof SQLException sql) {
				database = sql;
			}
		}
		if (database != null) {
			root = database;
		}
		String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage().strip();
		String firstLine = message.lines().findFirst().orElse(message);
		return new TowerStartupException((database != null ? "cannot start: the database: " : "cannot start: ") + firstLine,
				failure);
	}

}
