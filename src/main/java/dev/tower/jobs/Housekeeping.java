package dev.tower.jobs;

import java.time.Instant;
import java.util.List;

import org.jobrunr.jobs.states.StateName;
import org.jobrunr.storage.StorageProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Deletes finished jobs, their run records and notifications older than {@code tower.jobs.retention}. */
@Component
class Housekeeping implements TowerTask {

	private static final List<StateName> FINISHED = List.of(StateName.SUCCEEDED, StateName.FAILED, StateName.DELETED);

	private final StorageProvider storage;

	private final TaskRuns runs;

	private final NotificationRepository notifications;

	private final TransactionTemplate transaction;

	private final JobsProperties properties;

	Housekeeping(StorageProvider storage, TaskRuns runs, NotificationRepository notifications,
			TransactionTemplate transaction, JobsProperties properties) {
		this.storage = storage;
		this.runs = runs;
		this.notifications = notifications;
		this.transaction = transaction;
		this.properties = properties;
	}

	@Override
	public String name() {
		return "housekeeping";
	}

	@Override
	public String title() {
		return "Housekeeping";
	}

	@Override
	public String run(TaskContext context) {
		Instant before = Instant.now().minus(properties.retention());
		int steps = FINISHED.size() + 2;
		int jobs = 0;
		for (StateName state : FINISHED) {
			jobs += storage.deleteJobsPermanently(state, before);
			context.progress(FINISHED.indexOf(state) + 1, steps);
		}
		int taskRuns = runs.deleteCreatedBefore(before);
		context.progress(steps - 1, steps);
		int notes = transaction.execute(status -> notifications.deleteCreatedBefore(before));
		context.progress(steps, steps);
		return "Deleted %d finished job%s, %d run record%s and %d notification%s older than %s".formatted(jobs,
				jobs == 1 ? "" : "s", taskRuns, taskRuns == 1 ? "" : "s", notes, notes == 1 ? "" : "s",
				Intervals.describe(properties.retention()));
	}

}
