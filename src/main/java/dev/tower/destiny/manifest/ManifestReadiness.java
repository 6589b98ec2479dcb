package dev.tower.destiny.manifest;

import org.springframework.stereotype.Component;

import dev.tower.jobs.JobView;
import dev.tower.jobs.Jobs;

/** Whether a manifest serves, and until one does, how far the first download got: what the board shows meanwhile. */
@Component
class ManifestReadiness {

	private final ManifestVersions versions;

	private final Jobs jobs;

	ManifestReadiness(ManifestVersions versions, Jobs jobs) {
		this.versions = versions;
		this.jobs = jobs;
	}

	boolean serving() {
		return versions.active().isPresent();
	}

	FirstDownload progress() {
		if (serving()) {
			return new FirstDownload(true, 100, "The Destiny manifest is in.");
		}
		JobView job = jobs.latest(ManifestTask.NAME).orElse(null);
		if (job == null || job.finished() && job.error() == null) {
			return new FirstDownload(false, null, "Waiting for the first check of the Destiny manifest.");
		}
		if (job.error() != null && job.nextAttemptAt() != null || job.finished()) {
			String why = job.error() == null ? "it did not finish" : job.error().message();
			return new FirstDownload(false, null, "The download of the Destiny manifest failed (" + why
					+ "); Tower tries again " + (job.finished() ? "at the next check." : "shortly."));
		}
		return switch (job.state()) {
			case PROCESSING -> {
				int percent = job.progress() == null ? 0 : job.progress().percent();
				yield new FirstDownload(false, percent, "Downloading the Destiny manifest: " + percent + " %");
			}
			default -> new FirstDownload(false, 0, "Waiting for a worker to download the Destiny manifest.");
		};
	}

	/**
	 * @param serving whether the board can show names and icons: it then replaces the progress page
	 * @param percent how much of the download is in, or null when none is running
	 */
	record FirstDownload(boolean serving, Integer percent, String message) {
	}

}
