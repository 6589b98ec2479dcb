package dev.tower.destiny.login;

import org.springframework.http.HttpStatus;

/** A Bungie.net login that cannot go on; the message tells the player why, and the status says whose fault. */
class LoginRefusedException extends RuntimeException {

	private final HttpStatus status;

	LoginRefusedException(HttpStatus status, String message) {
		super(message);
		this.status = status;
	}

	HttpStatus status() {
		return status;
	}

}
