package dev.tower.destiny.manifest;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.tower.jobs.JobView;
import dev.tower.jobs.Jobs;

@RestController
@RequestMapping("/api/v1/destiny/manifest")
@Tag(name = "Destiny")
@ConditionalOnWebApplication
class ManifestApiController {

	private final ManifestOverview overview;

	private final Jobs jobs;

	private final ManifestReadiness readiness;

	ManifestApiController(ManifestOverview overview, Jobs jobs, ManifestReadiness readiness) {
		this.overview = overview;
		this.jobs = jobs;
		this.readiness = readiness;
	}

	@GetMapping
	@Operation(summary = "The manifest version serving now, the last check, row counts per table and the history")
	ManifestStatus status() {
		return overview.status();
	}

	@GetMapping("/first-download")
	@Operation(summary = "Whether a manifest serves, and until one does, how far the first download got (the board's "
			+ "progress page polls it)")
	ManifestReadiness.FirstDownload firstDownload() {
		return readiness.progress();
	}

	@PostMapping("/update")
	@Operation(summary = "Check the manifest now and update it when Bungie has a new one (admin; the original's "
			+ "/updateManifest): 202 with the job and its status URL; a check already queued or running is returned instead")
	ResponseEntity<JobView> update() {
		JobView job = jobs.start(ManifestTask.NAME);
		return ResponseEntity.accepted().location(URI.create(job.statusUrl())).body(job);
	}

}
