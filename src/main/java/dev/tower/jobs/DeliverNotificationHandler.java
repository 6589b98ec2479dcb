package dev.tower.jobs;

import org.jobrunr.jobs.lambdas.JobRequestHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends a notification and records the outcome. Slack being down or slow fails this job only, which JobRunr
 * retries with backoff; a webhook Slack refuses (a 4xx) is not retried.
 */
@Component
public class DeliverNotificationHandler implements JobRequestHandler<DeliverNotification> {

	static final int RETRIES = 4;

	private final NotificationRepository notifications;

	private final SlackWebhook slack;

	private final TransactionTemplate transaction;

	DeliverNotificationHandler(NotificationRepository notifications, SlackWebhook slack, TransactionTemplate transaction) {
		this.notifications = notifications;
		this.slack = slack;
		this.transaction = transaction;
	}

	@Override
	public void run(DeliverNotification request) {
		Notification notification = notifications.findById(request.notificationId()).orElse(null);
		if (notification == null || notification.getDelivery() == Notification.Delivery.SENT) {
			return; // removed by housekeeping, or sent by an earlier attempt that died before it finished
		}
		try {
			slack.post(notification.getMessage());
			notification.delivered();
		}
		catch (RuntimeException failure) {
			notification.failed(failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage());
			throw failure;
		}
		finally {
			transaction.executeWithoutResult(status -> notifications.save(notification));
		}
	}

}
