package dev.tower.account;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a personal API token may do, chosen when it is issued. Test machines only ever push results, so they
 * get a token that cannot read or change anything else should it leak from a build log.
 */
public enum TokenScope {

	/** Acts as its account, with the account's roles; may also upload test results. */
	API("Full API access as you"),

	/** May only upload test results ({@code POST /api/v1/results}). */
	UPLOAD("Upload test results only");

	private final String label;

	TokenScope(String label) {
		this.label = label;
	}

	/** The lower-case name people type and read: in forms, on the command line, in JSON and in the database. */
	@JsonValue
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** What the scope allows, in words for the account page. */
	public String label() {
		return label;
	}

	/** The authority a token with this scope carries, as in OAuth2 resource servers. */
	String authority() {
		return "SCOPE_" + id();
	}

	/** The scope called {@code id}; anything else is refused with the names that would do. */
	public static TokenScope of(String id) {
		return Arrays.stream(values())
			.filter(scope -> scope.id().equals(id == null ? "" : id.strip().toLowerCase(Locale.ROOT)))
			.findFirst()
			.orElseThrow(() -> new AccountException("unknown token scope '%s': use %s".formatted(id,
					Arrays.stream(values()).map(TokenScope::id).collect(Collectors.joining(" or ")))));
	}

}
