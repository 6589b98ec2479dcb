package dev.tower.jobs;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.states.ProcessingState;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jobrunr.storage.Paging.AmountBasedList.descOnUpdatedAt;

/** Notifications reach Slack from a job of their own, so Slack failing never fails the work that notified. */
class SlackNotificationTests extends JobsTestSupport {

	@Autowired
	Notifications notifications;

	@Autowired
	StorageProvider storage;

	@Test
	void aNotificationIsRecordedAndPostedToTheWebhookAsEscapedText() {
		JobView job = awaitFinished(jobs.start("notify").id());

		assertThat(job.state()).isEqualTo(StateName.SUCCEEDED);
		NotificationView sent = awaitDelivery(note -> note.delivery().equals("SENT"));
		assertThat(sent.source()).isEqualTo("test");
		assertThat(sent.message()).isEqualTo("Detected a change in version number: <v2> & more");
		assertThat(sent.attempts()).isEqualTo(1);
		assertThat(SlackReceiver.INSTANCE.received).singleElement().satisfies(received -> {
			assertThat(received.contentType()).startsWith("application/json");
			assertThat(received.body())
				.isEqualTo("{\"text\":\"Detected a change in version number: &lt;v2&gt; &amp; more\"}");
		});
	}

	@Test
	void aSlackThatAnswers500DoesNotFailTheJobAndTheDeliveryIsRetried() {
		SlackReceiver.INSTANCE.answer(500, Duration.ZERO);

		JobView job = awaitFinished(jobs.start("notify").id());

		assertThat(job.state()).isEqualTo(StateName.SUCCEEDED);
		NotificationView failed = awaitDelivery(note -> note.attempts() >= 2);
		assertThat(failed.delivery()).isEqualTo("FAILED");
		assertThat(failed.lastError()).isEqualTo("Slack answered 500: no_service");

		SlackReceiver.INSTANCE.answer(200, Duration.ZERO);
		assertThat(awaitDelivery(note -> note.delivery().equals("SENT")).attempts()).isGreaterThanOrEqualTo(3);
	}

	@Test
	void aSlackThatDoesNotAnswerInTimeDoesNotHoldUpTheJob() {
		SlackReceiver.INSTANCE.answer(200, Duration.ofSeconds(3));

		JobView job = awaitFinished(jobs.start("notify").id());

		assertThat(job.state()).isEqualTo(StateName.SUCCEEDED);
		assertThat(Duration.between(job.startedAt(), job.finishedAt())).isLessThan(Duration.ofSeconds(1));
		NotificationView failed = awaitDelivery(note -> note.attempts() >= 1);
		assertThat(failed.delivery()).isEqualTo("FAILED");
		assertThat(failed.lastError()).startsWith("Slack did not answer");
	}

	@Test
	void aWebhookSlackRefusesIsNotRetried() {
		SlackReceiver.INSTANCE.answer(404, Duration.ZERO);

		awaitFinished(jobs.start("notify").id());
		NotificationView refused = awaitDelivery(note -> note.attempts() >= 1);

		assertThat(refused.delivery()).isEqualTo("FAILED");
		assertThat(refused.lastError()).isEqualTo("Slack answered 404: no_service (check SLACK_WEBHOOK_URL)");
		// JobRunr schedules a retry before it stores a failure: a delivery stored as failed is never tried again
		Job delivery = awaitDeliveryJobAfterItsFirstAttempt(refused.id());
		assertThat(delivery.getState()).isEqualTo(StateName.FAILED);
		assertThat(delivery.getJobStatesOfType(ProcessingState.class)).hasSize(1);
		assertThat(SlackReceiver.INSTANCE.received).hasSize(1);
	}

	/** The job delivering the notification, once its first attempt has failed: failed for good, or due again. */
	private Job awaitDeliveryJobAfterItsFirstAttempt(long notificationId) {
		String name = "Send notification " + notificationId + " to Slack";
		return await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(100))
			.until(() -> Stream.of(StateName.FAILED, StateName.SCHEDULED)
				.flatMap(state -> storage.getJobList(state, descOnUpdatedAt(100)).stream())
				.filter(job -> job.getJobName().equals(name))
				.findFirst()
				.orElse(null), Objects::nonNull);
	}

	private NotificationView awaitDelivery(java.util.function.Predicate<NotificationView> condition) {
		return await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(100)).until(() -> {
			List<NotificationView> recent = notifications.recent(5);
			return recent.isEmpty() ? null : recent.get(0);
		}, note -> note != null && condition.test(note));
	}

}
