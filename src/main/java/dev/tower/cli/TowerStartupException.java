package dev.tower.cli;

/** A configuration mistake found before start-up; printed as one clear line, never a stack trace. */
class TowerStartupException extends RuntimeException {

	TowerStartupException(String message) {
		super(message);
	}

}
