package dev.tower.destiny.manifest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

import dev.tower.destiny.bungie.BungieProperties;

/**
 * Demo mode: without a Bungie application the board reads the bundled manifest, installed at start-up when none
 * serves or when the bundled one changed, so the first page already has names and icons.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnProperty(name = "tower.destiny.manifest.install-demo", havingValue = "true", matchIfMissing = true)
class DemoManifestInstaller implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoManifestInstaller.class);

	private final BungieProperties bungie;

	private final BundledManifestSource bundled;

	private final ManifestUpdater updater;

	DemoManifestInstaller(BungieProperties bungie, BundledManifestSource bundled, ManifestUpdater updater) {
		this.bungie = bungie;
		this.bundled = bundled;
		this.updater = updater;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (bungie.configured()) {
			return;
		}
		if (!bundled.available()) {
			log.warn("Bungie is not configured and there is no bundled demo manifest: Destiny items show as Classified");
			return;
		}
		try {
			ManifestCheck check = updater.check(bundled, ManifestProgress.NONE);
			if (check.outcome() == ManifestCheck.Outcome.UPDATED) {
				log.info("Demo mode: {}", check.summary());
			}
		}
		catch (RuntimeException ex) {
			// The board still runs (items show as Classified); the recurring check tries again.
			log.warn("Could not install the bundled demo manifest: {}", ex.getMessage());
		}
	}

}
