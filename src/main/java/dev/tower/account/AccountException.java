package dev.tower.account;

/** A request about accounts that cannot be honoured as asked; the message says why, for the person asking. */
public class AccountException extends IllegalArgumentException {

	AccountException(String message) {
		super(message);
	}

}
