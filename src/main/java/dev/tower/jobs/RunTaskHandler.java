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

	/**
	 * Writes progress when its whole percent changes, and otherwise at most a few times a second: a task may report
	 * every unit, and a step it reports just before a long wait (a slow download) is still shown during the wait.
	 */
	static final class Progress implements TaskContext {

		private static final long INTERVAL_NANOS = 250_000_000L;

		private final UUID jobId;

		private final TaskRuns runs;

		private long lastWrite = System.nanoTime() - INTERVAL_NANOS;

		private long lastPercent = -1;

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
			long percent = total > 0 ? done * 100 / total : -1;
			if (done >= total || percent != lastPercent || now - lastWrite >= INTERVAL_NANOS) {
				lastWrite = now;
				lastPercent = percent;
				runs.progress(jobId, done, total);
			}
		}

	}

}
