package dev.tower.jobs;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.states.FailedState;
import org.jobrunr.jobs.states.JobState;
import org.jobrunr.jobs.states.ProcessingState;
import org.jobrunr.jobs.states.ScheduledState;
import org.jobrunr.jobs.states.StateName;

/** A job as the status URL tells it: JobRunr's state history read together with Tower's progress and summary. */
public record JobView(UUID id, String task, String title, String recurringJobId, StateName state, boolean finished,
		Progress progress, Instant createdAt, Instant startedAt, Instant finishedAt, Instant nextAttemptAt,
		int attempts, String result, JobError error, String statusUrl) {

	private static final Set<StateName> FINAL = EnumSet.of(StateName.SUCCEEDED, StateName.FAILED, StateName.DELETED);

	public record Progress(long done, long total, int percent) {

		static Progress of(Long done, Long total) {
			if (done == null || total == null || total <= 0) {
				return null;
			}
			return new Progress(done, total, (int) Math.min(100, Math.max(0, done * 100 / total)));
		}

	}

	public record JobError(String type, String message) {
	}

	static JobView of(Job job, Optional<TaskRun> run) {
		List<JobState> history = job.getJobStates();
		JobState current = job.getJobState();
		boolean finished = FINAL.contains(current.getName());
		Optional<FailedState> failure = job.getLastJobStateOfType(FailedState.class)
			.filter(failed -> current.getName() != StateName.SUCCEEDED);
		Instant nextAttempt = (current instanceof ScheduledState scheduled && failure.isPresent())
				? scheduled.getScheduledAt() : null;
		String task = run.map(TaskRun::task).orElseGet(() -> job.getRecurringJobId().orElse(null));
		return new JobView(job.getId(), task, job.getJobName(), job.getRecurringJobId().orElse(null), current.getName(),
				finished,
				run.map(r -> Progress.of(r.done(), r.total())).orElse(null),
				history.get(0).getCreatedAt(),
				job.getLastJobStateOfType(ProcessingState.class).map(JobState::getCreatedAt).orElse(null),
				finished ? current.getCreatedAt() : null,
				nextAttempt,
				(int) job.getJobStatesOfType(ProcessingState.class).count(),
				run.map(TaskRun::result).orElse(null),
				failure.map(JobView::error).orElse(null),
				"/api/v1/jobs/" + job.getId());
	}

	private static JobError error(FailedState failed) {
		String type = failed.getExceptionType();
		String message = failed.getExceptionMessage();
		// A permanent failure's message is the one meant for people; otherwise name the cause when there is one.
		if (!PermanentFailure.class.getName().equals(type) && failed.getExceptionCauseType() != null) {
			type = failed.getExceptionCauseType();
			message = failed.getExceptionCauseMessage();
		}
		return new JobError(type, message == null ? failed.getMessage() : message);
	}

}
