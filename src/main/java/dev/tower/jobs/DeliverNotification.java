package dev.tower.jobs;

import org.jobrunr.jobs.lambdas.JobRequest;

/** The job that sends one recorded notification to Slack. */
public record DeliverNotification(long notificationId) implements JobRequest {

	@Override
	public Class<DeliverNotificationHandler> getJobRequestHandler() {
		return DeliverNotificationHandler.class;
	}

}
