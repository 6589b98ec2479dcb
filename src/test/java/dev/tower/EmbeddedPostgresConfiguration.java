package dev.tower;

import java.io.IOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A real PostgreSQL server from Maven Central's binaries, started as a bean so that it stops with the
 * context (and after everything that uses it).
 */
@TestConfiguration(proxyBeanMethods = false)
public class EmbeddedPostgresConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres() throws IOException {
		// Not also on its own JVM shutdown hook: that stopped the server while cached contexts, closing on
		// theirs, still drained their pools and job servers against it, and the test JVM hung 30 s at exit.
		return EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
	}

	@Bean
	JdbcConnectionDetails postgresConnectionDetails(EmbeddedPostgres postgres) {
		return new JdbcConnectionDetails() {

			@Override
			public String getJdbcUrl() {
				return postgres.getJdbcUrl("postgres", "postgres");
			}

			@Override
			public String getUsername() {
				return "postgres";
			}

			@Override
			public String getPassword() {
				return "";
			}

		};
	}

}
