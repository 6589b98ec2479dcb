package dev.tower.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.tower.SlowTest;
import org.jobrunr.jobs.states.ProcessingState;
import org.jobrunr.jobs.states.ScheduledState;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.scheduling.JobBuilder;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.jobrunr.storage.StorageProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Two workers in separate Spring contexts against one real PostgreSQL share the work without doing any twice. */
class TwoWorkersTests {

	static Cluster cluster;

	static ConfigurableApplicationContext first;

	@BeforeAll
	static void startTwoWorkers() throws Exception {
		cluster = new Cluster();
		first = cluster.node("worker-a", true, "--tower.jobs.recurring.cluster-tick.interval=5s");
		cluster.node("worker-b", true, "--tower.jobs.recurring.cluster-tick.interval=5s");
	}

	@AfterAll
	static void stop() throws Exception {
		cluster.close();
	}

	@BeforeEach
	void reset() {
		TestTasks.reset();
	}

	@Test
	void twoHundredOnDemandJobsRunExactlyOnceEachAndBothWorkersTakeAShare() {
		JobRequestScheduler scheduler = first.getBean(JobRequestScheduler.class);
		StorageProvider storage = first.getBean(StorageProvider.class);
		List<UUID> ids = java.util.stream.IntStream.range(0, 200)
			.mapToObj(i -> scheduler.create(JobBuilder.aJob().withName("count " + i).withJobRequest(new RunTask("work", false))).asUUID())
			.toList();

		await().atMost(Duration.ofSeconds(90)).until(() -> ids.stream().allMatch(id -> storage.getJobById(id).hasState(StateName.SUCCEEDED)));

		Map<UUID, Long> runsPerJob = TestTasks.runs("work").stream()
			.collect(Collectors.groupingBy(TestTasks.Run::jobId, Collectors.counting()));
		assertThat(runsPerJob.keySet()).containsExactlyInAnyOrderElementsOf(ids);
		assertThat(runsPerJob.values()).containsOnly(1L);
		Map<String, Long> perWorker = ids.stream()
			.map(id -> storage.getJobById(id).getLastJobStateOfType(ProcessingState.class).orElseThrow().getServerName())
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
		assertThat(perWorker).containsOnlyKeys("worker-a", "worker-b");
	}

	@SlowTest
	void aRecurringJobRunsOncePerTickAcrossTheCluster() {
		Instant from = Instant.now();
		await().atMost(Duration.ofSeconds(40)).until(() -> ticksSince(from).size() >= 4);

		// Each tick is a job scheduled for that instant; two masters would make two jobs for the same instant.
		StorageProvider storage = first.getBean(StorageProvider.class);
		List<TestTasks.Run> runs = TestTasks.runs("cluster-tick").stream().filter(run -> run.startedAt().isAfter(from)).toList();
		List<Instant> ticks = runs.stream()
			.map(run -> storage.getJobById(run.jobId()).getLastJobStateOfType(ScheduledState.class).orElseThrow().getScheduledAt())
			.sorted()
			.toList();
		assertThat(runs).extracting(TestTasks.Run::jobId).doesNotHaveDuplicates();
		assertThat(ticks).doesNotHaveDuplicates();
		for (int i = 1; i < ticks.size(); i++) {
			assertThat(Duration.between(ticks.get(i - 1), ticks.get(i))).isEqualTo(Duration.ofSeconds(5));
		}
	}

	private static List<TestTasks.Run> ticksSince(Instant from) {
		return TestTasks.runs("cluster-tick").stream().filter(run -> run.startedAt().isAfter(from)).toList();
	}

}
