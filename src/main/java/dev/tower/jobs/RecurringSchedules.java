package dev.tower.jobs;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jobrunr.jobs.RecurringJob;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.jobrunr.scheduling.RecurringJobBuilder;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.storage.StorageProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Makes JobRunr's recurring jobs match {@code tower.jobs.recurring}. Workers own the schedules, so only a process
 * that runs a background job server writes them; JobRunr's master server then starts each tick once per cluster.
 */
@Component
class RecurringSchedules {

	private static final Logger log = LoggerFactory.getLogger(RecurringSchedules.class);

	private final JobsProperties properties;

	private final TaskCatalog catalog;

	private final JobRequestScheduler scheduler;

	private final StorageProvider storage;

	private final ObjectProvider<BackgroundJobServer> worker;

	RecurringSchedules(JobsProperties properties, TaskCatalog catalog, JobRequestScheduler scheduler,
			StorageProvider storage, ObjectProvider<BackgroundJobServer> worker) {
		// Checked on every node, so a typo stops the web node too rather than passing silently.
		properties.recurring().forEach((name, schedule) -> {
			if (!catalog.contains(name)) {
				throw new IllegalStateException("tower.jobs.recurring.%s: there is no task named '%s' (tasks: %s)"
					.formatted(name, name, catalog.all().stream().map(TowerTask::name).toList()));
			}
			schedule.check(name);
		});
		this.properties = properties;
		this.scheduler = scheduler;
		this.storage = storage;
		this.worker = worker;
		this.catalog = catalog;
	}

	@EventListener(ApplicationReadyEvent.class)
	void apply() {
		if (worker.getIfAvailable() == null) {
			return;
		}
		Map<String, JobsProperties.Schedule> enabled = properties.recurring().entrySet().stream()
			.filter(entry -> entry.getValue().isEnabled())
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		Set<String> stored = storage.getRecurringJobs().stream().map(RecurringJob::getId).collect(Collectors.toSet());
		stored.stream().filter(id -> !enabled.containsKey(id)).forEach(id -> {
			scheduler.deleteRecurringJob(id);
			log.info("Recurring job '{}' removed: it is switched off or no longer configured", id);
		});
		enabled.forEach((name, schedule) -> {
			RecurringJobBuilder job = RecurringJobBuilder.aRecurringJob()
				.withId(name)
				.withName(catalog.get(name).title())
				.withJobRequest(new RunTask(name, true));
			scheduler.createRecurrently(schedule.cron() != null && !schedule.cron().isBlank()
					? job.withCron(schedule.cron().trim()) : job.withInterval(schedule.interval()));
			log.info("Recurring job '{}' runs {}", name, schedule.describe());
		});
	}

}
