package dev.tower.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.states.FailedState;
import org.jobrunr.jobs.states.ScheduledState;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Jobs through their life: queued, running with progress, done; retried; failed for good; on a schedule. */
class JobsTests extends JobsTestSupport {

	@Autowired
	MockMvc mvc;

	@Autowired
	StorageProvider storage;

	@Autowired
	Notifications notifications;

	@Test
	void anOnDemandJobAnswers202AndItsStatusUrlTellsTheTruthThroughItsLife() throws Exception {
		MvcResult started = mvc.perform(post("/api/v1/jobs").with(user("boss").roles("USER", "ADMIN")).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content("{\"task\": \"slow\"}"))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.task").value("slow"))
			.andExpect(jsonPath("$.finished").value(false))
			.andReturn();
		String statusUrl = JsonPath.read(started.getResponse().getContentAsString(), "$.statusUrl");
		assertThat(started.getResponse().getHeader("Location")).isEqualTo(statusUrl);
		UUID id = UUID.fromString(JsonPath.read(started.getResponse().getContentAsString(), "$.id"));

		JobView running = awaitJob(id, job -> job.state() == StateName.PROCESSING && job.progress() != null);
		assertThat(running.progress()).isEqualTo(new JobView.Progress(1, 4, 25));
		assertThat(running.startedAt()).isAfterOrEqualTo(running.createdAt());
		assertThat(running.finishedAt()).isNull();
		mvc.perform(get(statusUrl).with(user("reader")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("PROCESSING"))
			.andExpect(jsonPath("$.progress.percent").value(25));

		TestTasks.release.countDown();
		JobView done = awaitFinished(id);

		assertThat(done.state()).isEqualTo(StateName.SUCCEEDED);
		assertThat(done.progress()).isEqualTo(new JobView.Progress(4, 4, 100));
		assertThat(done.result()).isEqualTo("did 4 things");
		assertThat(done.attempts()).isEqualTo(1);
		assertThat(done.error()).isNull();
		assertThat(done.finishedAt()).isAfterOrEqualTo(done.startedAt());
		assertThat(TestTasks.runs("slow")).hasSize(1);
	}

	@Test
	void startingATaskThatIsStillQueuedOrRunningReturnsThatRun() {
		JobView first = jobs.start("slow");
		awaitJob(first.id(), job -> job.state() == StateName.PROCESSING);

		assertThat(jobs.start("slow").id()).isEqualTo(first.id());
		TestTasks.release.countDown();
		awaitFinished(first.id());
		assertThat(TestTasks.runs("slow")).hasSize(1);
	}

	@Test
	void aFailureThatMayPassIsRetriedWithExponentialBackoffUntilItWorks() {
		JobView done = awaitFinished(jobs.start("flaky").id());

		assertThat(done.state()).isEqualTo(StateName.SUCCEEDED);
		assertThat(done.attempts()).isEqualTo(3);
		assertThat(done.result()).isEqualTo("worked on attempt 3");
		assertThat(done.error()).isNull();
		assertThat(retryDelays(done.id())).containsExactly(2L, 4L);
	}

	@Test
	void aJobThatKeepsFailingEndsFailedWithItsErrorAndPeopleAreTold() {
		JobView failed = awaitFinished(jobs.start("broken").id());

		assertThat(failed.state()).isEqualTo(StateName.FAILED);
		assertThat(failed.attempts()).isEqualTo(3);
		assertThat(failed.error()).isEqualTo(new JobView.JobError("java.io.IOException", "upstream answered 503"));
		assertThat(retryDelays(failed.id())).containsExactly(2L, 4L);
		assertThat(TestTasks.runs("broken")).hasSize(3);
		await().atMost(Duration.ofSeconds(10)).until(() -> !notifications.recent(10).isEmpty());
		assertThat(notifications.recent(10)).extracting(NotificationView::message)
			.containsExactly("Job \"Test broken\" failed after 3 attempts: upstream answered 503");
	}

	@Test
	void aPermanentFailureIsNotRetriedAndAnAdminCanRetryItOnceFixed() throws Exception {
		JobView failed = awaitFinished(jobs.start("bad-input").id());

		assertThat(failed.state()).isEqualTo(StateName.FAILED);
		assertThat(failed.attempts()).isEqualTo(1);
		assertThat(failed.error().message()).isEqualTo("results.xml is not JUnit XML: unexpected element <html>");

		TestTasks.inputFixed = true;
		mvc.perform(post("/api/v1/jobs/{id}/retry", failed.id()).with(user("boss").roles("USER", "ADMIN")).with(csrf()))
			.andExpect(status().isAccepted())
			.andExpect(header().string("Location", "/api/v1/jobs/" + failed.id()));
		JobView retried = awaitFinished(failed.id());

		assertThat(retried.state()).isEqualTo(StateName.SUCCEEDED);
		assertThat(retried.attempts()).isEqualTo(2);
		assertThat(retried.result()).isEqualTo("read the fixed input");
		assertThat(retried.error()).isNull();
	}

	@Test
	void onlyAFailedJobCanBeRetried() throws Exception {
		JobView done = awaitFinished(jobs.start("count").id());

		mvc.perform(post("/api/v1/jobs/{id}/retry", done.id()).with(user("boss").roles("USER", "ADMIN")).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("Only a failed job can be retried; this one is SUCCEEDED."));
	}

	@Test
	void aRecurringJobFiresOnItsSchedule() {
		Instant from = Instant.now();
		await().atMost(Duration.ofSeconds(30)).until(() -> TestTasks.runs("tick").stream()
			.filter(run -> run.startedAt().isAfter(from)).count() >= 2);

		List<Instant> ticks = TestTasks.runs("tick").stream().map(TestTasks.Run::startedAt)
			.filter(start -> start.isAfter(from)).toList();
		assertThat(Duration.between(ticks.get(0), ticks.get(1)).toMillis()).isCloseTo(5000L, within(2500L));
		ScheduledTask tick = jobs.tasks().stream().filter(task -> task.name().equals("tick")).findFirst().orElseThrow();
		assertThat(tick.schedule()).isEqualTo("every 5 seconds");
		assertThat(tick.nextRun()).isAfter(from);
	}

	@Test
	void theApiRefusesWhatItCannotDoWithAClearProblem() throws Exception {
		var admin = user("boss").roles("USER", "ADMIN");
		mvc.perform(post("/api/v1/jobs").with(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"task\": \"mine-bitcoin\"}"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("No task named 'mine-bitcoin'."));
		mvc.perform(post("/api/v1/jobs").with(admin).with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isBadRequest());
		mvc.perform(post("/api/v1/jobs").with(user("reader")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"task\": \"count\"}"))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/jobs/{id}", Job.newUUID()).with(user("reader")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/jobs/not-a-uuid").with(user("reader")))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/jobs?limit=1000").with(user("reader")))
			.andExpect(status().isBadRequest());
		assertThat(TestTasks.runs("count")).isEmpty();
	}

	@Test
	void theAdminPageRunsATaskNowAndFollowsIt() throws Exception {
		mvc.perform(post("/admin/jobs/tasks/count/run").with(user("boss").roles("USER", "ADMIN")).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/admin/jobs/*"));
		await().atMost(Duration.ofSeconds(30)).until(() -> TestTasks.runs("count").size() == 1);

		mvc.perform(get("/admin/jobs").with(user("boss").roles("USER", "ADMIN")))
			.andExpect(status().isOk());
		mvc.perform(get("/admin/jobs").with(user("reader")))
			.andExpect(status().isForbidden());
	}

	/** Seconds between each failure and the retry it scheduled, from JobRunr's own history of the job. */
	private List<Long> retryDelays(UUID id) {
		Job job = storage.getJobById(id);
		List<org.jobrunr.jobs.states.JobState> history = job.getJobStates();
		return java.util.stream.IntStream.range(1, history.size())
			.filter(i -> history.get(i - 1) instanceof FailedState && history.get(i) instanceof ScheduledState)
			.mapToObj(i -> Math.round(Duration.between(history.get(i - 1).getCreatedAt(),
					((ScheduledState) history.get(i)).getScheduledAt()).toMillis() / 1000.0))
			.toList();
	}

}
