package dev.tower.jobs;

import java.util.List;

import org.jobrunr.scheduling.JobBuilder;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells people what happened: every notification is kept, and sent to Slack by a job of its own when a webhook is
 * configured, so a slow or broken Slack never holds up the work that notified.
 */
@Service
public class Notifications {

	private final NotificationRepository notifications;

	private final JobRequestScheduler scheduler;

	private final SlackWebhook slack;

	Notifications(NotificationRepository notifications, JobRequestScheduler scheduler, SlackWebhook slack) {
		this.notifications = notifications;
		this.scheduler = scheduler;
		this.slack = slack;
	}

	/** Records the message from {@code source}; the Slack delivery is queued once the record is committed. */
	@Transactional
	public NotificationView send(String source, String message) {
		Notification notification = notifications.save(new Notification(source, message, slack.configured()));
		if (notification.getDelivery() == Notification.Delivery.PENDING) {
			long id = notification.getId();
			afterCommit(() -> scheduler.create(JobBuilder.aJob()
				.withName("Send notification " + id + " to Slack")
				.withAmountOfRetries(DeliverNotificationHandler.RETRIES)
				.withJobRequest(new DeliverNotification(id))));
		}
		return notification.view();
	}

	/** Whether notifications also go to Slack ({@code SLACK_WEBHOOK_URL} is set). */
	public boolean slackConfigured() {
		return slack.configured();
	}

	@Transactional(readOnly = true)
	public List<NotificationView> recent(int limit) {
		return notifications.findByOrderByCreatedAtDesc(PageRequest.ofSize(limit)).stream().map(Notification::view).toList();
	}

	private static void afterCommit(Runnable action) {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				action.run();
			}
		});
	}

}
