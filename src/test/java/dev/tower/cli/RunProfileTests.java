package dev.tower.cli;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class RunProfileTests {

	static final Map<String, String> SECRET = Map.of("TOWER_SECRET_KEY", "0123456789abcdef0123");

	@Test
	void developmentUnlessToldOtherwise() {
		assertThat(RunProfile.resolve(null, false, Map.of())).isEqualTo(RunProfile.DEVELOPMENT);
		assertThat(RunProfile.resolve(null, false, Map.of("TOWER_PROFILE", "Testing"))).isEqualTo(RunProfile.TESTING);
		assertThat(RunProfile.resolve(null, true, Map.of("TOWER_PROFILE", "testing"))).isEqualTo(RunProfile.PRODUCTION);
		assertThat(RunProfile.resolve("development", true, Map.of())).isEqualTo(RunProfile.DEVELOPMENT);
		assertThatThrownBy(() -> RunProfile.resolve(null, false, Map.of("TOWER_PROFILE", "staging")))
			.hasMessage("unknown profile 'staging' in TOWER_PROFILE: use development, testing or production");
	}

	@Test
	void developmentNeedsNothingFromTheEnvironment() {
		assertThat(RunProfile.DEVELOPMENT.startupProperties(Map.of())).isEmpty();
	}

	@Test
	void productionRefusesToStartWithoutASecretKey() {
		assertThatThrownBy(() -> RunProfile.PRODUCTION.startupProperties(Map.of("DATABASE_URL", "postgres://h/db")))
			.hasMessageStartingWith("production needs TOWER_SECRET_KEY");
		assertThatThrownBy(() -> RunProfile.PRODUCTION.startupProperties(Map.of("TOWER_SECRET_KEY", "short", "DATABASE_URL", "postgres://h/db")))
			.hasMessageContaining("too short");
	}

	@Test
	void productionRefusesToStartWithoutADatabase() {
		assertThatThrownBy(() -> RunProfile.PRODUCTION.startupProperties(SECRET))
			.hasMessageStartingWith("production needs a PostgreSQL database: set DATABASE_URL");
	}

	@Test
	void productionTakesTheOriginalsPostgresVariables() {
		Map<String, String> env = new java.util.HashMap<>(SECRET);
		env.putAll(Map.of("POSTGRES_HOST", "db.internal", "POSTGRES_PORT", "6432", "POSTGRES_DB_NAME", "tower",
				"POSTGRES_USER", "tower", "POSTGRES_PASS", "s3cret"));

		assertThat(RunProfile.PRODUCTION.startupProperties(env)).contains(
				entry("spring.datasource.url", "jdbc:postgresql://db.internal:6432/tower"),
				entry("spring.datasource.username", "tower"), entry("spring.datasource.password", "s3cret"),
				entry("tower.secret-key", "0123456789abcdef0123"));
	}

	@Test
	void databaseUrlMayBeAPostgresUrlOrAJdbcUrl() {
		assertThat(RunProfile.fromDatabaseUrl("postgres://app:p%40ss@db:5433/tower?sslmode=require")).containsOnly(
				entry("spring.datasource.url", "jdbc:postgresql://db:5433/tower?sslmode=require"),
				entry("spring.datasource.username", "app"), entry("spring.datasource.password", "p@ss"));
		assertThat(RunProfile.fromDatabaseUrl("postgresql://db/tower"))
			.containsEntry("spring.datasource.url", "jdbc:postgresql://db:5432/tower");
		assertThat(RunProfile.fromDatabaseUrl("jdbc:postgresql://db/tower"))
			.containsOnly(entry("spring.datasource.url", "jdbc:postgresql://db/tower"));
		assertThatThrownBy(() -> RunProfile.fromDatabaseUrl("mysql://db/tower")).hasMessageContaining("must start with postgres://");
		assertThatThrownBy(() -> RunProfile.fromDatabaseUrl("postgres://db")).hasMessageContaining("needs a host and a database name");
		assertThatThrownBy(() -> RunProfile.fromDatabaseUrl("postgres://db /x y")).hasMessageContaining("not a valid URL");
	}

}
