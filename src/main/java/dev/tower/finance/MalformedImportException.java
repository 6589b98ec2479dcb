package dev.tower.finance;

/** An import file that cannot be taken as it is; the message says where and why. Nothing was written. */
public class MalformedImportException extends RuntimeException {

	MalformedImportException(String message) {
		super(message);
	}

}
