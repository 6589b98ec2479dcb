package dev.tower.destiny.manifest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

import dev.tower.destiny.bungie.BungieProperties;
import dev.tower.jobs.JobView;
import dev.tower.jobs.Jobs;

/**
 * A fresh install with a Bungie application: no manifest serves yet, so the first check starts with the server rather
 * than at the recurring check's first tick, and the board shows its progress until the manifest is in.
 */
@Component
@ConditionalOnWebApplication
class ManifestFirstStart implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ManifestFirstStart.class);

	private final BungieProperties bungie;

	private final ManifestVersions versions;

	private final Jobs jobs;

	private final boolean atStart;

	ManifestFirstStart(BungieProperties bungie, ManifestVersions versions, Jobs jobs,
			@Value("${tower.destiny.manifest.check-at-start:true}") boolean atStart) {
		this.bungie = bungie;
		this.versions = versions;
		this.jobs = jobs;
		this.atStart = atStart;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (atStart) {
			checkIfNoneServes();
		}
	}

	void checkIfNoneServes() {
		if (!bungie.configured() || versions.active().isPresent()) {
			return;
		}
		// A job, so any worker may take it, it is retried, and its progress is what the board shows.
		JobView check = jobs.start(ManifestTask.NAME);
		log.info("No Destiny manifest yet: the first check is job {}", check.id());
	}

}
