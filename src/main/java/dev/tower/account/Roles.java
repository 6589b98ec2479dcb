package dev.tower.account;

/**
 * The names to give {@code hasRole} in a feature's {@link AccessRules}. Each {@link Role} holds those of the roles
 * below it: every account plays (the Destiny board), users also read every board, admins also write.
 */
public final class Roles {

	public static final String PLAYER = "PLAYER";

	public static final String USER = "USER";

	public static final String ADMIN = "ADMIN";

	private Roles() {
	}

}
