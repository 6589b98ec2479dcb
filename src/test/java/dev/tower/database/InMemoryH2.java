package dev.tower.database;

import org.h2.jdbcx.JdbcDataSource;

/** An in-memory H2 database in the development profile's mode, for tests of what Tower does on H2. */
public final class InMemoryH2 {

	private InMemoryH2() {
	}

	/** It lives while a connection to it is open. */
	public static JdbcDataSource named(String name) {
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
		h2.setUser("sa");
		return h2;
	}

}
