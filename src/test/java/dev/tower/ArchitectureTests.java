package dev.tower;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Features talk to each other only through their public types, and never in a cycle. */
class ArchitectureTests {

	@Test
	void featurePackagesDependOnEachOtherOnlyThroughTheirPublicApi() {
		ApplicationModules.of(TowerApplication.class).verify();
	}

}
