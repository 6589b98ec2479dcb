package dev.tower.destiny;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistrar;

import dev.tower.TowerTest;

/**
 * A {@link TowerTest} with a Bungie application configured, whose Bungie.net is a local {@link BungieStub}, on a
 * real port as well (for a browser). Every class so annotated shares one context and one stub, both beans to
 * autowire: the {@link FakeBungie} on it plays Bungie.net from {@link FakeBungie#player}; a test that scripts
 * Bungie's answers itself starts with {@link BungieStub#reset}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@TowerTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(BungieOnStub.Stub.class)
public @interface BungieOnStub {

	/** The stub, and Tower configured with FakeBungie's application (key, client id and secret) against it. */
	@TestConfiguration(proxyBeanMethods = false)
	class Stub {

		@Bean(destroyMethod = "close")
		FakeBungie fakeBungie() {
			return new FakeBungie();
		}

		@Bean(destroyMethod = "")
		BungieStub bungieStub(FakeBungie bungie) {
			return bungie.stub();
		}

		@Bean
		DynamicPropertyRegistrar bungieOnTheStub(FakeBungie bungie) {
			return registry -> {
				registry.add("tower.bungie.base-url", () -> bungie.baseUrl().toString());
				registry.add("tower.bungie.api-key", () -> FakeBungie.API_KEY);
				registry.add("tower.bungie.client-id", () -> FakeBungie.CLIENT_ID);
				registry.add("tower.bungie.client-secret", () -> FakeBungie.CLIENT_SECRET);
				registry.add("tower.secret-key", () -> "a test secret that is long enough");
			};
		}

	}

}
