package dev.tower.destiny.manifest;

import org.springframework.stereotype.Component;

import dev.tower.jobs.PermanentFailure;
import dev.tower.jobs.TaskContext;
import dev.tower.jobs.TowerTask;

/**
 * The original's Celery task: every five minutes (tower.jobs.recurring.destiny-manifest) and on demand, check the
 * manifest and update it when Bungie has a new one. Network trouble is retried with backoff; a manifest Tower
 * cannot read fails at once (the next scheduled check tries again).
 */
@Component
class ManifestTask implements TowerTask {

	static final String NAME = "destiny-manifest";

	private final ManifestUpdater updater;

	ManifestTask(ManifestUpdater updater) {
		this.updater = updater;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public String title() {
		return "Check the Destiny manifest";
	}

	@Override
	public String run(TaskContext context) {
		try {
			return updater.check((bytes, estimate, tables, total) -> {
				if (estimate > 0) {
					// Never 100 % before the last table is in: the estimate is the previous version's size.
					context.progress(tables == total ? estimate : Math.min(bytes, estimate * 99 / 100), estimate);
				}
				else {
					context.progress(tables, total);
				}
			}).summary();
		}
		catch (MalformedManifestException ex) {
			throw new PermanentFailure(ex.getMessage(), ex);
		}
	}

}
