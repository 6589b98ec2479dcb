package dev.tower.jobs;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;

import dev.tower.TowerTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.awaitility.Awaitility.await;

/**
 * Tower with a job worker in-process, the test tasks, short retries (2, after 2 s then 4 s) and a local Slack.
 * Every class extending it shares one application context.
 */
@TowerTest
@Import(TestTasks.class)
@TestPropertySource(properties = { "jobrunr.background-job-server.enabled=true",
		"jobrunr.jobs.default-number-of-retries=2", "jobrunr.jobs.retry-back-off-time-seed=2",
		"tower.jobs.recurring.tick.interval=5s", "tower.slack.timeout=1s" })
abstract class JobsTestSupport {

	@Autowired
	Jobs jobs;

	@DynamicPropertySource
	static void slack(DynamicPropertyRegistry registry) {
		registry.add("tower.slack.webhook-url", SlackReceiver.INSTANCE::url);
	}

	@BeforeEach
	void resetTestDoubles() {
		TestTasks.reset();
		SlackReceiver.INSTANCE.reset();
	}

	JobView awaitJob(UUID id, Predicate<JobView> condition) {
		return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
			.until(() -> jobs.get(id), condition::test);
	}

	JobView awaitFinished(UUID id) {
		return awaitJob(id, JobView::finished);
	}

}
