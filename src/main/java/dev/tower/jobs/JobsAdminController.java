package dev.tower.jobs;

import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The admin's view of background work: tasks and their schedules, recent jobs live, notifications. */
@Controller
@RequestMapping("/admin/jobs")
class JobsAdminController {

	private static final int RECENT = 20;

	private final Jobs jobs;

	private final Notifications notifications;

	private final SlackWebhook slack;

	JobsAdminController(Jobs jobs, Notifications notifications, SlackWebhook slack) {
		this.jobs = jobs;
		this.notifications = notifications;
		this.slack = slack;
	}

	@GetMapping
	String jobs(Model model) {
		model.addAttribute("workers", jobs.workers());
		model.addAttribute("tasks", jobs.tasks());
		model.addAttribute("recent", jobs.recent(RECENT));
		model.addAttribute("limit", RECENT);
		model.addAttribute("notifications", notifications.recent(RECENT));
		model.addAttribute("slackConfigured", slack.configured());
		return "jobs/jobs";
	}

	@GetMapping("/{id}")
	String job(@PathVariable UUID id, Model model) {
		model.addAttribute("job", jobs.get(id));
		return "jobs/job";
	}

	@PostMapping("/tasks/{name}/run")
	String run(@PathVariable String name) {
		return "redirect:/admin/jobs/" + jobs.start(name).id();
	}

	@PostMapping("/{id}/retry")
	String retry(@PathVariable UUID id) {
		return "redirect:/admin/jobs/" + jobs.retry(id).id();
	}

}
