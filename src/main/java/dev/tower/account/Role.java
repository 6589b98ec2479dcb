package dev.tower.account;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What an account may do, each role including the ones before it: a player sees the Destiny board only (an account
 * made by a Bungie.net login, until an admin grants it more), a user reads every board and holds API tokens, an
 * admin also changes data.
 */
public enum Role {

	PLAYER(Roles.PLAYER), USER(Roles.PLAYER, Roles.USER), ADMIN(Roles.PLAYER, Roles.USER, Roles.ADMIN);

	private final String[] granted;

	Role(String... granted) {
		this.granted = granted;
	}

	/** The {@link Roles} names this role holds, for {@code hasRole}. */
	String[] granted() {
		return granted.clone();
	}

	/** The lower-case name people type and read, on the command line. */
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The role called {@code id}; anything else is refused with the names that would do. */
	public static Role of(String id) {
		return Arrays.stream(values())
			.filter(role -> role.id().equals(id == null ? "" : id.strip().toLowerCase(Locale.ROOT)))
			.findFirst()
			.orElseThrow(() -> new AccountException("unknown role '%s': use %s".formatted(id,
					Arrays.stream(values()).map(Role::id).collect(Collectors.joining(", ")))));
	}

}
