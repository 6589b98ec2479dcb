package dev.tower.jobs;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import dev.tower.SlowTest;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.states.FailedState;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.storage.StorageProvider;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A worker process killed hard in the middle of a job: another worker takes the job up again and completes it. */
class WorkerCrashTests {

	@SlowTest
	void aJobWhoseWorkerWasKilledIsPickedUpAgainAndCompletes() throws Exception {
		try (Cluster cluster = new Cluster()) {
			ConfigurableApplicationContext web = cluster.node("web", false);
			Jobs jobs = web.getBean(Jobs.class);
			Process doomed = cluster.workerProcess("doomed", Path.of("target", "crash-test-worker.log"));
			await().atMost(Duration.ofSeconds(90)).until(() -> jobs.workers().size() == 1);

			JobView started = jobs.start("crash");
			JobView running = await().atMost(Duration.ofSeconds(30)).until(() -> jobs.get(started.id()),
					job -> job.state() == StateName.PROCESSING && job.progress() != null);
			assertThat(running.progress().done()).isEqualTo(1);

			doomed.destroyForcibly(); // SIGKILL: no shutdown hook, no chance to hand the job back
			assertThat(doomed.waitFor(10, TimeUnit.SECONDS)).isTrue();
			assertThat(jobs.get(started.id()).state()).isEqualTo(StateName.PROCESSING);

			cluster.node("rescuer", true);
			JobView done = await().atMost(Duration.ofSeconds(120)).until(() -> jobs.get(started.id()), JobView::finished);

			assertThat(done.state()).isEqualTo(StateName.SUCCEEDED);
			assertThat(done.result()).isEqualTo("recovered after 1 failure(s)");
			assertThat(done.attempts()).isEqualTo(2);
			assertThat(done.progress().percent()).isEqualTo(100);
			Job history = web.getBean(StorageProvider.class).getJobById(started.id());
			assertThat(history.getLastJobStateOfType(FailedState.class).orElseThrow().getMessage()).containsIgnoringCase("orphan");
			assertThat(jobs.workers()).extracting(WorkerView::name).containsExactly("rescuer");
		}
	}

}
