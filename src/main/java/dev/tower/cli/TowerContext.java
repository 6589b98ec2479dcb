package dev.tower.cli;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The original's {@code create_app(config).app_context().push()}: the same application, data layer and
 * configuration, started with or without a web server.
 */
final class TowerContext {

	private TowerContext() {
	}

	static ConfigurableApplicationContext start(TowerCommand root, boolean web, String... springArgs) {
		RunProfile profile = root.runProfile();
		Map<String, Object> defaults = new HashMap<>(profile.startupProperties(System.getenv()));
		SpringApplication app = new SpringApplication(root.application);
		app.setAdditionalProfiles(profile.springName());
		if (!web) {
			// A one-shot command prints its own result; the framework's start-up chatter would bury it.
			app.setWebApplicationType(WebApplicationType.NONE);
			app.setBannerMode(Banner.Mode.OFF);
			app.setLogStartupInfo(false);
			defaults.put("logging.level.root", "WARN");
		}
		app.setDefaultProperties(defaults);
		return app.run(springArgs);
	}

}
