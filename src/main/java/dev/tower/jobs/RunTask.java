package dev.tower.jobs;

import org.jobrunr.jobs.lambdas.JobRequest;

/** The stored job: which task to run, and whether its schedule started it. */
public record RunTask(String task, boolean scheduled) implements JobRequest {

	@Override
	public Class<RunTaskHandler> getJobRequestHandler() {
		return RunTaskHandler.class;
	}

}
