package dev.tower.results.ingest;

/** Run metadata Tower cannot accept (missing owner, a 5,000-character tag, …); the message says which. */
public class InvalidRunException extends RuntimeException {

	public InvalidRunException(String message) {
		super(message);
	}

}
