package dev.tower.account;

/** Every account reads; admins also write. */
final class Roles {

	static final String USER = "USER";

	static final String ADMIN = "ADMIN";

	private Roles() {
	}

	static String[] of(boolean admin) {
		return admin ? new String[] { USER, ADMIN } : new String[] { USER };
	}

}
