package dev.tower.jobs;

import java.util.UUID;

import org.jobrunr.jobs.context.JobContext;
import org.jobrunr.jobs.lambdas.JobRequestHandler;
import org.jobrunr.server.runner.ThreadLocalJobContext;
import org.springframework.stereotype.Component;

/**
 * Runs a {@link RunTask} on a worker thread: finds the task, feeds its progress to the pages, keeps its summary.
 * Public, as JobRunr calls it by reflection.
 */
@Component
public class RunTaskHandler implements JobRequestHandler<RunTask> {

	private final TaskCatalog catalog;

	private final TaskRuns runs;

	RunTaskHandler(TaskCatalog catalog, TaskRuns runs) {
		this.catalog = catalog;
		this.runs = runs;
	}

	@Override
	public void run(RunTask request) throws Exception {
		JobContext job = ThreadLocalJobContext.getJobContext();
		TowerTask task = catalog.find(request.task())
			.orElseThrow(() -> new PermanentFailure("this worker has no task named '%s'".formatted(request.task())));
		UUID id = job.getJobId();
		runs.created(id, task.name(), request.scheduled() ? task.name() : null);
		String result = task.run(new Progress(id, runs));
		runs.finished(id, result);
	}

	/** Writes progress at most a few times a second: a task may report every unit. */
	static final class Progress implements TaskContext {

		private static final long INTERVAL_NANOS = 250_000_000L;

		private final UUID jobId;

		private final TaskRuns runs;

		private long lastWrite = System.nanoTime() - INTERVAL_NANOS;

		Progress(UUID jobId, TaskRuns runs) {
			this.jobId = jobId;
			this.runs = runs;
		}

		@Override
		public UUID jobId() {
			return jobId;
		}

		@Override
		public void progress(long done, long total) {
			long now = System.nanoTime();
			if (done >= total || now - lastWrite >= INTERVAL_NANOS) {
				lastWrite = now;
				runs.progress(jobId, done, total);
			}
		}

	}

}
