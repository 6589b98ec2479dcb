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

	/** Start-up failed: the innermost cause is what an operator can act on (a refused password, a closed port). */
	static TowerStartupException cannotStart(Throwable failure) {
		Throwable root = failure;
		boolean database = failure instanceof SQLException;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
			database |= root instanceof SQLException;
		}
		String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage().strip();
		String firstLine = message.lines().findFirst().orElse(message);
		return new TowerStartupException((database ? "cannot start: the database: " : "cannot start: ") + firstLine, failure);
	}

}
