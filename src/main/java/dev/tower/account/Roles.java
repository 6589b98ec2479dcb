package dev.tower.account;

/** Every account reads; admins also write. The names to give {@code hasRole} in a feature's {@link AccessRules}. */
public final class Roles {

	public static final String USER = "USER";

	public static final String ADMIN = "ADMIN";

	private Roles() {
	}

	static String[] of(boolean admin) {
		return admin ? new String[] { USER, ADMIN } : new String[] { USER };
	}

}
