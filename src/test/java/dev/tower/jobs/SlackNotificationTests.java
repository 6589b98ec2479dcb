package dev.tower.jobs;

import java.time.Duration;
import java.util.List;

import org.jobrunr.jobs.states.StateName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Notifications reach Slack from a job of their own, so Slack failing never fails the work that notified. */
class SlackNotificationTests extends JobsTestSupport {

	@Autowired
	Notifications notifications;

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
	void aWebhookSlackRefusesIsNotRetried() throws InterruptedException {
		SlackReceiver.INSTANCE.answer(404, Duration.ZERO);

		awaitFinished(jobs.start("notify").id());
		NotificationView refused = awaitDelivery(note -> note.attempts() >= 1);

		assertThat(refused.delivery()).isEqualTo("FAILED");
		assertThat(refused.lastError()).isEqualTo("Slack answered 404: no_service (check SLACK_WEBHOOK_URL)");
		Thread.sleep(7000); // longer than the first retry would wait, plus a poll
		assertThat(SlackReceiver.INSTANCE.received).hasSize(1);
	}

	private NotificationView awaitDelivery(java.util.function.Predicate<NotificationView> condition) {
		return await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(100)).until(() -> {
			List<NotificationView> recent = notifications.recent(5);
			return recent.isEmpty() ? null : recent.get(0);
		}, note -> note != null && condition.test(note));
	}

}
