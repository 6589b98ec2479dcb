package dev.tower.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * The original's {@code create_app(config).app_context().push()}: the same application, data layer and
 * configuration, started as a web server, a background worker or a one-shot command.
 */
final class TowerContext {

	enum Mode {

		/** Pages and API; a job worker too where the profile runs one in-process. */
		SERVER,
		/** A background job server and no HTTP port. */
		WORKER,
		/** A one-shot command: no HTTP port, no worker, no start-up chatter over its output. */
		COMMAND

	}

	private TowerContext() {
	}

	static ConfigurableApplicationContext start(TowerCommand root, Mode mode, List<String> springArgs) {
		RunProfile profile = root.runProfile();
		Map<String, Object> defaults = new HashMap<>(profile.startupProperties(System.getenv()));
		List<String> args = new ArrayList<>();
		SpringApplication app = new SpringApplication(root.application);
		app.setAdditionalProfiles(profile.springName());
		if (mode != Mode.SERVER) {
			app.setWebApplicationType(WebApplicationType.NONE);
			app.setBannerMode(Banner.Mode.OFF);
			// Arguments outrank the profiles' files, which may turn the in-process worker on.
			args.add("--jobrunr.background-job-server.enabled=" + (mode == Mode.WORKER));
		}
		if (mode == Mode.COMMAND) {
			app.setLogStartupInfo(false);
			defaults.put("logging.level.root", "WARN");
			args.add("--jobrunr.dashboard.enabled=false");
		}
		if (!root.debug) {
			// A failed start is reported in one line by the command line (TowerCommand), not as a stack trace or as
			// the context's warning that it gave up (which repeats every nested message).
			defaults.put("logging.level.org.springframework.boot.SpringApplication", "OFF");
			defaults.put("logging.level.org.springframework.boot.web.server.servlet.context", "OFF");
			defaults.put("logging.level.org.springframework.context.annotation.AnnotationConfigApplicationContext", "OFF");
		}
		args.addAll(springArgs);
		app.setDefaultProperties(defaults);
		try {
			return app.run(args.toArray(String[]::new));
		}
		catch (RuntimeException ex) {
			throw TowerStartupException.cannotStart(ex);
		}
	}

	static ConfigurableApplicationContext command(TowerCommand root) {
		return start(root, Mode.COMMAND, List.of());
	}

	/** Blocks until the context closes (SIGTERM, or an error that stops it). */
	static void awaitClose(ConfigurableApplicationContext context) throws InterruptedException {
		CountDownLatch closed = new CountDownLatch(1);
		context.addApplicationListener(event -> {
			if (event instanceof ContextClosedEvent) {
				closed.countDown();
			}
		});
		if (context.isActive()) {
			closed.await();
		}
	}

}
