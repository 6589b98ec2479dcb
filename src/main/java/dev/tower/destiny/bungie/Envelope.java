package dev.tower.destiny.bungie;

import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bungie's envelope around every Platform answer: {@code Response}, {@code ErrorCode} (a {@code PlatformErrorCodes}
 * value, 1 for success), {@code ThrottleSeconds}, {@code ErrorStatus}, {@code Message} and {@code MessageData}.
 * Opened here for every answer Tower reads, and written here by the simulated Bungie.net.
 */
public final class Envelope {

	private Envelope() {
	}

	/** A successful answer carrying {@code response}. */
	public static ObjectNode success(JsonNode response) {
		ObjectNode envelope = JsonNodeFactory.instance.objectNode();
		envelope.set("Response", response);
		return fill(envelope, BungieException.SUCCESS, "Success", "Ok", 0);
	}

	/** An error: {@code errorCode} and {@code errorStatus} are a {@code PlatformErrorCodes} value and its name. */
	public static ObjectNode error(int errorCode, String errorStatus, String message, int throttleSeconds) {
		return fill(JsonNodeFactory.instance.objectNode(), errorCode, errorStatus, message, throttleSeconds);
	}

	private static ObjectNode fill(ObjectNode envelope, int errorCode, String errorStatus, String message,
			int throttleSeconds) {
		envelope.put("ErrorCode", errorCode);
		envelope.put("ThrottleSeconds", throttleSeconds);
		envelope.put("ErrorStatus", errorStatus);
		envelope.put("Message", message);
		envelope.putObject("MessageData");
		return envelope;
	}

	/** The {@code Response} of an envelope read in-process, as if Bungie.net had sent it with HTTP 200. */
	public static JsonNode open(JsonNode envelope) {
		return open(envelope, 200, Duration.ZERO);
	}

	/**
	 * The {@code Response} when {@code ErrorCode} is success; otherwise the failure it means.
	 * @param httpStatus the status the envelope came with
	 * @param retryAfter the HTTP {@code Retry-After}, or zero
	 * @throws BungieException with Bungie's code and status, of the kind that says what to tell the player
	 */
	public static JsonNode open(JsonNode envelope, int httpStatus, Duration retryAfter) {
		int code = envelope.path("ErrorCode").asInt(0);
		if (code == BungieException.SUCCESS) {
			return envelope.path("Response");
		}
		String status = envelope.path("ErrorStatus").asString(null);
		String message = envelope.path("Message").asString("Bungie.net refused the request");
		Duration throttle = Duration.ofSeconds(envelope.path("ThrottleSeconds").asLong(0));
		if (retryAfter.compareTo(throttle) > 0) {
			throttle = retryAfter;
		}
		throw new BungieException(BungieClient.kindOf(code, httpStatus, throttle), code, status, message, throttle, null);
	}

}
