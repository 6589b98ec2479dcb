package dev.tower.jobs;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.RecurringJob;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.scheduling.JobBuilder;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.jobrunr.storage.BackgroundJobServerStatus;
import org.jobrunr.storage.JobNotFoundException;
import org.jobrunr.storage.StorageProvider;
import org.springframework.stereotype.Service;

/** Starts tasks on demand and reports on jobs; the workers run them. */
@Service
public class Jobs {

	private final TaskCatalog catalog;

	private final TaskRuns runs;

	private final JobRequestScheduler scheduler;

	private final StorageProvider storage;

	private final JobsProperties properties;

	Jobs(TaskCatalog catalog, TaskRuns runs, JobRequestScheduler scheduler, StorageProvider storage,
			JobsProperties properties) {
		this.catalog = catalog;
		this.runs = runs;
		this.scheduler = scheduler;
		this.storage = storage;
		this.properties = properties;
	}

	/**
	 * Queues a run of the named task and returns it at once. While a run of that task is still queued or running,
	 * that run is returned instead: pressing "run now" twice does the work once.
	 */
	public JobView start(String taskName) {
		TowerTask task = catalog.get(taskName);
		Optional<JobView> pending = latest(task.name()).filter(job -> !job.finished());
		if (pending.isPresent()) {
			return pending.get();
		}
		UUID id = Job.newUUID();
		runs.created(id, task.name(), null);
		scheduler.create(JobBuilder.aJob().withId(id).withName(task.title()).withJobRequest(new RunTask(task.name(), false)));
		return get(id);
	}

	/** The latest run of the named task, finished or not. */
	public Optional<JobView> latest(String taskName) {
		return runs.latestOfTask(taskName).flatMap(run -> find(run.jobId()));
	}

	public Optional<JobView> find(UUID id) {
		try {
			return Optional.of(JobView.of(storage.getJobById(id), runs.find(id)));
		}
		catch (JobNotFoundException gone) {
			return Optional.empty();
		}
	}

	public JobView get(UUID id) {
		return find(id).orElseThrow(() -> new UnknownJobException("No job " + id + "."));
	}

	/** The most recent runs first; jobs already removed by housekeeping are left out. */
	public List<JobView> recent(int limit) {
		return runs.recent(limit).stream().map(run -> find(run.jobId())).flatMap(Optional::stream).toList();
	}

	/** Queues a failed job again, keeping its history; a job in any other state is refused. */
	public JobView retry(UUID id) {
		Job job = loadJob(id);
		if (job.getState() != StateName.FAILED) {
			throw new JobConflictException("Only a failed job can be retried; this one is " + job.getState() + ".");
		}
		job.enqueue();
		storage.save(job);
		return get(id);
	}

	/** Every task, with its schedule when it has one, ordered by title. */
	public List<ScheduledTask> tasks() {
		Map<String, RecurringJob> registered = storage.getRecurringJobs().stream()
			.collect(Collectors.toMap(RecurringJob::getId, Function.identity()));
		return catalog.all().stream().map(task -> {
			JobsProperties.Schedule schedule = properties.recurring().get(task.name());
			RecurringJob recurring = registered.get(task.name());
			return new ScheduledTask(task.name(), task.title(), schedule == null ? null : schedule.describe(),
					schedule != null && schedule.isEnabled(), recurring == null ? null : recurring.getNextRun(),
					runs.latestOfTask(task.name()).flatMap(run -> find(run.jobId())).orElse(null));
		}).sorted(Comparator.comparing(ScheduledTask::title)).toList();
	}

	/** The workers currently running, as their heartbeats tell. */
	public List<WorkerView> workers() {
		return storage.getBackgroundJobServers().stream()
			.filter(BackgroundJobServerStatus::isRunning)
			.map(server -> new WorkerView(server.getName(), server.getWorkerPoolSize(), server.getFirstHeartbeat(),
					server.getLastHeartbeat()))
			.toList();
	}

	private Job loadJob(UUID id) {
		try {
			return storage.getJobById(id);
		}
		catch (JobNotFoundException gone) {
			throw new UnknownJobException("No job " + id + ".");
		}
	}

}
