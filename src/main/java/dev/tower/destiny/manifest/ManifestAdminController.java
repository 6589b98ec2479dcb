package dev.tower.destiny.manifest;

import java.util.Optional;
import java.util.UUID;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.tower.jobs.JobView;
import dev.tower.jobs.Jobs;

/** The admins' manifest page: what serves, what was checked, the history, and "check for an update now". */
@Controller
@RequestMapping("/destiny/manifest")
@ConditionalOnWebApplication
class ManifestAdminController {

	private final ManifestOverview overview;

	private final Jobs jobs;

	ManifestAdminController(ManifestOverview overview, Jobs jobs) {
		this.overview = overview;
		this.jobs = jobs;
	}

	@GetMapping
	String manifest(@RequestParam(required = false) UUID job, Model model) {
		model.addAttribute("status", overview.status());
		// The run to follow: the one just started, else the task's latest while it is still going.
		Optional<JobView> run = job != null ? jobs.find(job) : latestRun().filter(latest -> !latest.finished());
		model.addAttribute("run", run.orElse(null));
		model.addAttribute("lastRun", latestRun().orElse(null));
		return "destiny/manifest";
	}

	@PostMapping("/update")
	String update() {
		return "redirect:/destiny/manifest?job=" + jobs.start(ManifestTask.NAME).id();
	}

	private Optional<JobView> latestRun() {
		return jobs.tasks().stream()
			.filter(task -> task.name().equals(ManifestTask.NAME))
			.findFirst()
			.map(task -> task.lastRun());
	}

}
