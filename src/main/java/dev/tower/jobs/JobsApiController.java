package dev.tower.jobs;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Jobs")
@Validated
class JobsApiController {

	private final Jobs jobs;

	private final Notifications notifications;

	JobsApiController(Jobs jobs, Notifications notifications) {
		this.jobs = jobs;
		this.notifications = notifications;
	}

	record StartRequest(@NotBlank String task) {
	}

	record JobList(List<JobView> jobs) {
	}

	record TaskList(List<ScheduledTask> tasks) {
	}

	record NotificationList(List<NotificationView> notifications) {
	}

	@PostMapping("/jobs")
	@Operation(summary = "Start a task (admin): 202 with the job and its status URL; a run already queued or running is returned instead")
	ResponseEntity<JobView> start(@Validated @RequestBody StartRequest request) {
		return accepted(jobs.start(request.task()));
	}

	@GetMapping("/jobs")
	@Operation(summary = "Recent jobs, newest first")
	JobList recent(@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
		return new JobList(jobs.recent(limit));
	}

	@GetMapping("/jobs/{id}")
	@Operation(summary = "A job's state, progress, timings, result or error")
	JobView job(@PathVariable UUID id) {
		return jobs.get(id);
	}

	@PostMapping("/jobs/{id}/retry")
	@Operation(summary = "Queue a failed job again (admin); 409 for a job in any other state")
	ResponseEntity<JobView> retry(@PathVariable UUID id) {
		return accepted(jobs.retry(id));
	}

	@GetMapping("/jobs/tasks")
	@Operation(summary = "Every task with its schedule, next run and last run")
	TaskList tasks() {
		return new TaskList(jobs.tasks());
	}

	@GetMapping("/notifications")
	@Operation(summary = "Recent notifications and whether they reached Slack")
	NotificationList notifications(@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
		return new NotificationList(notifications.recent(limit));
	}

	private static ResponseEntity<JobView> accepted(JobView job) {
		return ResponseEntity.accepted().location(URI.create(job.statusUrl())).body(job);
	}

}
