package dev.tower.destiny.inventory;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import dev.tower.destiny.manifest.Definitions;

/**
 * The bundled demo manifest as the definitions, read from its JSON tables: the board's tests do not wait for a
 * manifest to be installed in the database.
 */
@TestConfiguration(proxyBeanMethods = false)
public class DemoManifestForTests {

	@Bean
	@Primary
	Definitions bundledDefinitions() {
		return new BundledDefinitions();
	}

}
