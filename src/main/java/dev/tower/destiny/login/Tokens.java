package dev.tower.destiny.login;

import java.time.Duration;
import java.time.Instant;

import tools.jackson.databind.JsonNode;

/** A player's OAuth tokens, in plain text: they live in memory only, the database holds them encrypted. */
record Tokens(String access, Instant accessExpiresAt, String refresh, Instant refreshExpiresAt) {

	/** Tokens are refreshed this long before they expire, so a page never starts with one about to lapse. */
	static final Duration EARLY = Duration.ofSeconds(60);

	/** The token endpoint's answer, received at {@code now}. */
	static Tokens from(JsonNode answer, Instant now) {
		return new Tokens(answer.path("access_token").asString(),
				now.plusSeconds(answer.path("expires_in").asLong(3600)), answer.path("refresh_token").asString(null),
				answer.has("refresh_expires_in") ? now.plusSeconds(answer.path("refresh_expires_in").asLong()) : null);
	}

	boolean accessGoodAt(Instant now) {
		return access != null && accessExpiresAt.isAfter(now.plus(EARLY));
	}

	boolean refreshGoodAt(Instant now) {
		return refresh != null && (refreshExpiresAt == null || refreshExpiresAt.isAfter(now));
	}

	@Override
	public String toString() {
		return "Tokens[access until " + accessExpiresAt + ", refresh until " + refreshExpiresAt + "]";
	}

}
