package dev.tower.jobs;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.jobrunr.server.runner.ThreadLocalJobContext;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Tasks that behave in known ways (count, wait, fail for a while, fail for good, notify, hang), and a record of
 * every run they made in this JVM.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestTasks {

	/** One run of a test task: which job, on which worker thread, when. */
	public record Run(UUID jobId, String thread, Instant startedAt) {
	}

	static final Map<String, List<Run>> RUNS = new ConcurrentHashMap<>();

	static volatile CountDownLatch release = new CountDownLatch(1);

	static volatile boolean inputFixed;

	static void reset() {
		RUNS.clear();
		release = new CountDownLatch(1);
		inputFixed = false;
	}

	static List<Run> runs(String task) {
		return RUNS.getOrDefault(task, List.of());
	}

	private static void record(String task, TaskContext context) {
		RUNS.computeIfAbsent(task, name -> new CopyOnWriteArrayList<>())
			.add(new Run(context.jobId(), Thread.currentThread().getName(), Instant.now()));
	}

	private static int failuresSoFar() {
		return ThreadLocalJobContext.getJobContext().amountOfFailures();
	}

	private static TowerTask task(String name, Body body) {
		return new TowerTask() {

			@Override
			public String name() {
				return name;
			}

			@Override
			public String title() {
				return "Test " + name;
			}

			@Override
			public String run(TaskContext context) throws Exception {
				record(name, context);
				return body.run(context);
			}

		};
	}

	interface Body {

		String run(TaskContext context) throws Exception;

	}

	@Bean
	TowerTask count() {
		return task("count", context -> "counted");
	}

	/** Half a second of work, so that a second worker has time to take its share. */
	@Bean
	TowerTask work() {
		return task("work", context -> {
			Thread.sleep(500);
			return "worked";
		});
	}

	@Bean
	TowerTask tick() {
		return task("tick", context -> "ticked");
	}

	/** The cluster tests' own schedule: other test contexts in this JVM keep running "tick" on their databases. */
	@Bean
	TowerTask clusterTick() {
		return task("cluster-tick", context -> "ticked");
	}

	/** Reports a quarter done, then waits until the test releases it. */
	@Bean
	TowerTask slow() {
		return task("slow", context -> {
			context.progress(1, 4);
			if (!release.await(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException("never released");
			}
			context.progress(4, 4);
			return "did 4 things";
		});
	}

	/** Fails twice as a flaky network would, then succeeds. */
	@Bean
	TowerTask flaky() {
		return task("flaky", context -> {
			if (failuresSoFar() < 2) {
				throw new IOException("Connection reset");
			}
			return "worked on attempt " + (failuresSoFar() + 1);
		});
	}

	@Bean
	TowerTask broken() {
		return task("broken", context -> {
			throw new IOException("upstream answered 503");
		});
	}

	/** Refuses its input until the test fixes it, as a file that is not JUnit XML would be. */
	@Bean
	TowerTask badInput() {
		return task("bad-input", context -> {
			if (!inputFixed) {
				throw new PermanentFailure("results.xml is not JUnit XML: unexpected element <html>");
			}
			return "read the fixed input";
		});
	}

	@Bean
	TowerTask notifying(org.springframework.beans.factory.ObjectProvider<Notifications> notifications) {
		return task("notify", context -> {
			notifications.getObject().send("test", "Detected a change in version number: <v2> & more");
			return "notified";
		});
	}

	/** Hangs on its first attempt, for a test to kill the worker under it; any later attempt completes. */
	@Bean
	TowerTask crash() {
		return task("crash", context -> {
			if (failuresSoFar() == 0) {
				context.progress(1, 2);
				Thread.sleep(TimeUnit.MINUTES.toMillis(10));
			}
			context.progress(2, 2);
			return "recovered after " + failuresSoFar() + " failure(s)";
		});
	}

}
