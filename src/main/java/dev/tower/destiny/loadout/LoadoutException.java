package dev.tower.destiny.loadout;

import org.springframework.http.HttpStatus;

/** A loadout request Tower says no to before anything moves; {@link #status()} says what kind of no. */
class LoadoutException extends RuntimeException {

	private final HttpStatus status;

	LoadoutException(HttpStatus status, String message) {
		super(message);
		this.status = status;
	}

	HttpStatus status() {
		return status;
	}

}
