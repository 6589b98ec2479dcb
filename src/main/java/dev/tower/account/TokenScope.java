package dev.tower.account;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * What a personal API token may do, chosen when it is issued. {@link #API} is the account's own scope: the token
 * acts as its account, with the account's roles. A feature declares a narrower scope as a bean (see
 * {@link TokenScopes}) for machines that only ever make its own requests, so that such a token, should it leak
 * from a build log, can read or change nothing else.
 */
public final class TokenScope {

	/** Acts as its account, with the account's roles; may also do what every narrower scope allows. */
	public static final TokenScope API = new TokenScope("api", "Full API access as you", null, null);

	private final String id;

	private final String label;

	private final String action;

	private final RequestMatcher requests;

	private TokenScope(String id, String label, String action, RequestMatcher requests) {
		this.id = id;
		this.label = label;
		this.action = action;
		this.requests = requests;
	}

	/**
	 * A scope that allows {@code requests} and nothing else. {@code action} says what they do, for people: the
	 * account page offers "Upload test results only" for "upload test results", and refusals use the same words.
	 */
	public static TokenScope only(String id, String action, RequestMatcher requests) {
		String label = action.substring(0, 1).toUpperCase(Locale.ROOT) + action.substring(1) + " only";
		return new TokenScope(id, label, action, requests);
	}

	/** The lower-case name people type and read: in forms, on the command line, in JSON and in the database. */
	@JsonValue
	public String id() {
		return id;
	}

	/** What the scope allows, in words for the account page. */
	public String label() {
		return label;
	}

	/** What a narrower scope's requests do, e.g. "upload test results"; none for {@link #API}. */
	public String action() {
		return action;
	}

	/** The requests a narrower scope allows; none for {@link #API}, which goes where its account's roles go. */
	RequestMatcher requests() {
		return requests;
	}

	/** The authority a token with this scope carries, as in OAuth2 resource servers. */
	String authority() {
		return "SCOPE_" + id;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof TokenScope scope && scope.id.equals(id);
	}

	@Override
	public int hashCode() {
		return id.hashCode();
	}

	@Override
	public String toString() {
		return id;
	}

}
