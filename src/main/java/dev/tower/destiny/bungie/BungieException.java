package dev.tower.destiny.bungie;

import java.time.Duration;

/**
 * Bungie did not do what was asked. {@link #kind()} says what the player should be told; {@link #errorCode()} and
 * {@link #errorStatus()} are Bungie's own ({@code PlatformErrorCodes}), when it sent an envelope.
 */
public class BungieException extends RuntimeException {

	/** What went wrong, as far as the player is concerned. */
	public enum Kind {

		/** {@code SystemDisabled}, or a maintenance page instead of JSON. */
		MAINTENANCE,
		/** Too many requests, still so after backing off. */
		THROTTLED,
		/** The access token is missing, expired or revoked: log in (again). */
		UNAUTHORIZED,
		/** Bungie understood and said no (no room, unique equip, wrong location …); the message says why. */
		REFUSED,
		/** Network trouble, a 5xx or an answer that is not Bungie's JSON. */
		UNAVAILABLE

	}

	public static final int SUCCESS = 1;

	public static final int SYSTEM_DISABLED = 5;

	public static final int WEB_AUTH_REQUIRED = 99;

	public static final int ACCESS_TOKEN_HAS_EXPIRED = 2111;

	private final Kind kind;

	private final int errorCode;

	private final String errorStatus;

	private final Duration retryAfter;

	public BungieException(Kind kind, int errorCode, String errorStatus, String message, Duration retryAfter,
			Throwable cause) {
		super(message, cause);
		this.kind = kind;
		this.errorCode = errorCode;
		this.errorStatus = errorStatus;
		this.retryAfter = retryAfter == null ? Duration.ZERO : retryAfter;
	}

	public BungieException(Kind kind, String message, Throwable cause) {
		this(kind, 0, null, message, null, cause);
	}

	public Kind kind() {
		return kind;
	}

	/** Bungie's {@code ErrorCode}, or 0 when there was no envelope. */
	public int errorCode() {
		return errorCode;
	}

	/** Bungie's {@code ErrorStatus} (e.g. {@code DestinyNoRoomInDestination}), or null. */
	public String errorStatus() {
		return errorStatus;
	}

	/** Bungie's {@code ThrottleSeconds}, or zero. */
	public Duration retryAfter() {
		return retryAfter;
	}

}
