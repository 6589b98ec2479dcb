package dev.tower.results.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Who and where a result file comes from: the original Queue's fields. Files with the same name, owner, site and
 * tags form one run, whichever host they come from.
 *
 * @param name the run's name, by default the last part of its run directory
 * @param runDir the directory the results were found in on their host
 */
public record RunInfo(String name, String owner, String site, String host, String runTag, String userTag,
		String runDir) {

	public static final String DEFAULT_RUN_TAG = "Development";

	public RunInfo {
		name = required("run name", name, 255);
		owner = required("owner", owner, 100);
		site = required("site", site, 100);
		host = required("host", host, 255);
		runTag = runTag == null || runTag.isBlank() ? DEFAULT_RUN_TAG : required("run tag", runTag, 100);
		userTag = userTag == null || userTag.isBlank() ? null : required("user tag", userTag, 100);
		runDir = runDir == null || runDir.isBlank() ? name : required("run directory", runDir, 1000);
	}

	/** The run's identity, as a fixed-length key. */
	String runKey() {
		String identity = String.join("\u0000", name, owner, site, runTag, userTag == null ? "" : userTag);
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	}

	private static String required(String what, String value, int maxLength) {
		String text = value == null ? "" : value.strip();
		if (text.isEmpty()) {
			throw new InvalidRunException("a " + what + " is required");
		}
		if (text.length() > maxLength) {
			throw new InvalidRunException("the " + what + " is longer than " + maxLength + " characters");
		}
		if (text.chars().anyMatch(Character::isISOControl)) {
			throw new InvalidRunException("the " + what + " contains control characters");
		}
		return text;
	}

}
