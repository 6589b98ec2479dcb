package dev.tower.cli;

import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The original's {@code FLASK_CONFIG}: development (embedded defaults), testing, or production
 * (PostgreSQL and a secret key from the environment, checked before anything starts).
 */
enum RunProfile {

	DEVELOPMENT, TESTING, PRODUCTION;

	static RunProfile resolve(String option, boolean production, Map<String, String> env) {
		if (option != null) {
			return named(option, "--profile");
		}
		if (production) {
			return PRODUCTION;
		}
		String fromEnv = env.get("TOWER_PROFILE");
		return (fromEnv == null || fromEnv.isBlank()) ? DEVELOPMENT : named(fromEnv, "TOWER_PROFILE");
	}

	private static RunProfile named(String name, String source) {
		return Arrays.stream(values())
			.filter(p -> p.springName().equals(name.trim().toLowerCase(Locale.ROOT)))
			.findFirst()
			.orElseThrow(() -> new TowerStartupException(
					"unknown profile '%s' in %s: use development, testing or production".formatted(name, source)));
	}

	String springName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Properties this profile derives from the environment; production refuses to start without its essentials. */
	Map<String, Object> startupProperties(Map<String, String> env) {
		if (this != PRODUCTION) {
			return Map.of();
		}
		Map<String, Object> properties = new HashMap<>();
		String secret = env.get("TOWER_SECRET_KEY");
		if (secret == null || secret.isBlank()) {
			throw new TowerStartupException("production needs TOWER_SECRET_KEY: a long random secret "
					+ "(for example the output of 'openssl rand -base64 32') that encrypts stored tokens");
		}
		if (secret.length() < 16) {
			throw new TowerStartupException("TOWER_SECRET_KEY is too short: use at least 16 characters");
		}
		properties.put("tower.secret-key", secret);
		properties.putAll(database(env));
		return properties;
	}

	private static Map<String, Object> database(Map<String, String> env) {
		if (present(env, "SPRING_DATASOURCE_URL")) {
			return Map.of();
		}
		if (present(env, "DATABASE_URL")) {
			return fromDatabaseUrl(env.get("DATABASE_URL").trim());
		}
		if (present(env, "POSTGRES_HOST") && present(env, "POSTGRES_DB_NAME")) {
			Map<String, Object> db = new HashMap<>();
			db.put("spring.datasource.url", "jdbc:postgresql://%s:%s/%s".formatted(env.get("POSTGRES_HOST"),
					env.getOrDefault("POSTGRES_PORT", "5432"), env.get("POSTGRES_DB_NAME")));
			db.put("spring.datasource.username", env.getOrDefault("POSTGRES_USER", "postgres"));
			db.put("spring.datasource.password", env.getOrDefault("POSTGRES_PASS", ""));
			return db;
		}
		throw new TowerStartupException("production needs a PostgreSQL database: set DATABASE_URL "
				+ "(postgres://user:pass@host:5432/db) or POSTGRES_HOST, POSTGRES_PORT, POSTGRES_DB_NAME, "
				+ "POSTGRES_USER and POSTGRES_PASS");
	}

	/** Accepts a JDBC URL as is, or the common {@code postgres://user:pass@host:port/db} form. */
	static Map<String, Object> fromDatabaseUrl(String url) {
		if (url.startsWith("jdbc:")) {
			return Map.of("spring.datasource.url", url);
		}
		URI uri;
		try {
			uri = URI.create(url);
		}
		catch (IllegalArgumentException ex) {
			throw new TowerStartupException("DATABASE_URL is not a valid URL: " + ex.getMessage());
		}
		if (!"postgres".equals(uri.getScheme()) && !"postgresql".equals(uri.getScheme())) {
			throw new TowerStartupException("DATABASE_URL must start with postgres://, postgresql:// or jdbc:postgresql:");
		}
		if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
			throw new TowerStartupException("DATABASE_URL needs a host and a database name: postgres://user:pass@host:5432/db");
		}
		Map<String, Object> db = new HashMap<>();
		int port = uri.getPort() == -1 ? 5432 : uri.getPort();
		String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
		db.put("spring.datasource.url", "jdbc:postgresql://%s:%d%s%s".formatted(uri.getHost(), port, uri.getPath(), query));
		String userInfo = uri.getUserInfo();
		if (userInfo != null) {
			int colon = userInfo.indexOf(':');
			db.put("spring.datasource.username", colon < 0 ? userInfo : userInfo.substring(0, colon));
			if (colon >= 0) {
				db.put("spring.datasource.password", userInfo.substring(colon + 1));
			}
		}
		return db;
	}

	private static boolean present(Map<String, String> env, String name) {
		String value = env.get(name);
		return value != null && !value.isBlank();
	}

}
