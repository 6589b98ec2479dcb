package dev.tower.destiny.bungie;

import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * Bungie's numbers as Tower keeps them. Membership, character and item instance ids are 64-bit: Bungie sends them
 * as JSON strings, and Tower keeps them as strings of digits (a JavaScript page would round them as numbers).
 * Definition hashes are unsigned 32-bit: held in a {@code long}, and read from either form Bungie uses (the JSON
 * tables write them unsigned, the manifest database and some tools signed).
 */
public final class BungieIds {

	private static final Pattern ID = Pattern.compile("[0-9]{1,19}");

	private BungieIds() {
	}

	/**
	 * A definition hash from Bungie's JSON (number or string, signed or unsigned); 0, which no definition has, when
	 * absent or not a hash, so the item shows as unknown rather than breaking the page.
	 */
	public static long hash(JsonNode node) {
		if (node == null || node.isMissingNode() || node.isNull()) {
			return 0;
		}
		try {
			return node.isIntegralNumber() ? unsigned(node.asLong()) : hash(node.asString());
		}
		catch (RuntimeException ex) {
			return 0;
		}
	}

	/** A definition hash from text, e.g. a URL: {@code 2190858386} or its signed form {@code -2104108910}. */
	public static long hash(String text) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("a hash is a number, not nothing");
		}
		try {
			return unsigned(Long.parseLong(text.trim()));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("a hash is a number, not '" + text + "'");
		}
	}

	/** The hash as Bungie's JSON and URLs write it: unsigned. */
	public static String hashText(long hash) {
		return Long.toString(unsigned(hash));
	}

	/** A 64-bit id from JSON, as digits; null when absent or 0 (Bungie's "no instance"). */
	public static String id(JsonNode node) {
		if (node == null || node.isMissingNode() || node.isNull()) {
			return null;
		}
		String text = node.isIntegralNumber() ? node.bigIntegerValue().toString() : node.asString().trim();
		return isId(text) && !text.chars().allMatch(c -> c == '0') ? text : null;
	}

	/** Whether {@code text} is a 64-bit id: digits that fit a positive {@code long}. */
	public static boolean isId(String text) {
		if (text == null || !ID.matcher(text).matches()) {
			return false;
		}
		try {
			Long.parseLong(text);
			return true;
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

	/** {@code text} when it is a 64-bit id; otherwise a refusal naming {@code what}, for a 400. */
	public static String requireId(String text, String what) {
		if (!isId(text)) {
			throw new IllegalArgumentException(what + " must be a Bungie id (digits), not '" + text + "'");
		}
		return text;
	}

	private static long unsigned(long value) {
		if (value < Integer.MIN_VALUE || value > 0xFFFF_FFFFL) {
			throw new IllegalArgumentException(value + " is not a 32-bit hash");
		}
		return value < 0 ? Integer.toUnsignedLong((int) value) : value;
	}

}
