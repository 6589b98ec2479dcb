package dev.tower.destiny.manifest;

/** A manifest table Tower cannot read: not JSON, not an object of definitions, or a key that is no hash. */
public class MalformedManifestException extends RuntimeException {

	MalformedManifestException(String message) {
		super(message);
	}

	MalformedManifestException(String message, Throwable cause) {
		super(message, cause);
	}

}
