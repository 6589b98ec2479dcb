package dev.tower.jobs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

import dev.tower.TowerApplication;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.states.EnqueuedState;
import org.jobrunr.jobs.states.ProcessingState;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.storage.navigation.OffsetBasedPageRequest;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Throughput of trivial on-demand jobs and their time from enqueue to start, with 1 and then 2 {@code tower worker}
 * processes on one PostgreSQL. Run by {@code bench/jobs-throughput.sh}, which supplies the database and class path.
 *
 * <p>Arguments: JDBC URL, user, password, jobs per round, rounds per worker count, sparse jobs for the idle latency,
 * and the worker counts (e.g. {@code 1,2}).
 */
public final class JobsBenchmark {

	private final StorageProvider storage;

	private final JobRequestScheduler scheduler;

	private final JdbcTemplate jdbc;

	private final List<String> workerArgs;

	private JobsBenchmark(ConfigurableApplicationContext client, List<String> workerArgs) {
		this.storage = client.getBean(StorageProvider.class);
		this.scheduler = client.getBean(JobRequestScheduler.class);
		this.jdbc = client.getBean(JdbcTemplate.class);
		this.workerArgs = workerArgs;
	}

	public static void main(String[] args) throws Exception {
		String url = args[0], user = args[1], password = args[2];
		int jobs = Integer.parseInt(args[3]), rounds = Integer.parseInt(args[4]), sparse = Integer.parseInt(args[5]);
		List<String> connection = List.of("--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
				"--spring.datasource.password=" + password, "--tower.secret-key=bench-secret-key-0123456789abcdef",
				"--logging.level.root=warn", "--logging.structured.format.console=");
		List<String> clientArgs = new ArrayList<>(connection);
		clientArgs.add("--jobrunr.background-job-server.enabled=false");
		try (ConfigurableApplicationContext client = new SpringApplicationBuilder(TowerApplication.class, TestTasks.class)
			.web(WebApplicationType.NONE).profiles("production").run(clientArgs.toArray(String[]::new))) {
			JobsBenchmark bench = new JobsBenchmark(client, connection);
			System.out.println("workers\tround\tjobs\tseconds\tjobs_per_s\tqueued_p50_ms\tqueued_p99_ms\tidle_p50_ms\tidle_p99_ms");
			for (String count : args[6].split(",")) {
				bench.measure(Integer.parseInt(count.trim()), jobs, rounds, sparse);
			}
		}
	}

	private void measure(int workers, int jobs, int rounds, int sparse) throws Exception {
		List<Process> processes = new ArrayList<>();
		try {
			for (int i = 0; i < workers; i++) {
				processes.add(startWorker("bench-worker-" + (i + 1)));
			}
			awaitWorkers(workers);
			burst(Math.max(1000, jobs / 5)); // warm-up: JIT, connection pools, the jobs table's pages
			clear();
			for (int round = 1; round <= rounds; round++) {
				Result burst = burst(jobs);
				List<Long> idle = idleLatencies(sparse);
				System.out.printf(Locale.ROOT, "%d\t%d\t%d\t%.2f\t%.0f\t%d\t%d\t%d\t%d%n", workers, round, jobs,
						burst.seconds(), jobs / burst.seconds(), percentile(burst.latencies(), 50),
						percentile(burst.latencies(), 99), percentile(idle, 50), percentile(idle, 99));
				clear();
			}
		}
		finally {
			for (Process process : processes) {
				process.destroy(); // SIGTERM: a graceful stop
				process.waitFor();
			}
			awaitWorkers(0);
		}
	}

	record Result(double seconds, List<Long> latencies) {
	}

	/** Enqueues {@code jobs} at once, as fast as the database takes them, and waits until all succeeded. */
	private Result burst(int jobs) throws InterruptedException {
		long start = System.nanoTime();
		scheduler.enqueue(Stream.generate(() -> new RunTask("count", false)).limit(jobs));
		while (storage.countJobs(StateName.SUCCEEDED) < jobs) {
			Thread.sleep(20);
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		List<Long> latencies = new ArrayList<>();
		for (long offset = 0; offset < jobs; offset += 1000) {
			storage.getJobList(StateName.SUCCEEDED, new OffsetBasedPageRequest("updatedAt:ASC", offset, 1000))
				.forEach(job -> latencies.add(startLatency(job)));
		}
		return new Result(seconds, latencies);
	}

	/** One job at a time on idle workers: what someone pressing "run now" waits before it starts. */
	private List<Long> idleLatencies(int count) throws InterruptedException {
		List<Long> latencies = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			UUID id = scheduler.enqueue(new RunTask("count", false)).asUUID();
			Job job = storage.getJobById(id);
			while (!job.hasState(StateName.SUCCEEDED)) {
				Thread.sleep(10);
				job = storage.getJobById(id);
			}
			latencies.add(startLatency(job));
			Thread.sleep(150 + (i * 37) % 200); // spread the enqueues over the workers' poll cycle
		}
		return latencies;
	}

	private static long startLatency(Job job) {
		Instant enqueued = job.getLastJobStateOfType(EnqueuedState.class).orElseThrow().getCreatedAt();
		Instant started = job.getLastJobStateOfType(ProcessingState.class).orElseThrow().getCreatedAt();
		return Duration.between(enqueued, started).toMillis();
	}

	private void clear() {
		storage.deleteJobsPermanently(StateName.SUCCEEDED, Instant.now().plusSeconds(1));
		jdbc.update("delete from task_run");
		jdbc.execute("vacuum analyze jobrunr_jobs");
	}

	private Process startWorker(String name) throws Exception {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx256m", "-cp", System.getProperty("java.class.path"), TowerApplication.class.getName(), "--profile",
				"production", "worker", "--spring.main.sources=" + TestTasks.class.getName(),
				"--jobrunr.background-job-server.name=" + name));
		command.addAll(workerArgs);
		Path log = Path.of(System.getProperty("bench.logs", System.getProperty("java.io.tmpdir")), name + ".log");
		Files.createDirectories(log.getParent());
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().put("TOWER_SECRET_KEY", "bench-secret-key-0123456789abcdef");
		builder.environment().put("SPRING_DATASOURCE_URL", workerArgs.get(0).substring("--spring.datasource.url=".length()));
		return builder.start();
	}

	private void awaitWorkers(int count) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (storage.getBackgroundJobServers().stream().filter(server -> server.isRunning()).count() != count) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("expected " + count + " running workers");
			}
			Thread.sleep(200);
		}
	}

	private static long percentile(List<Long> values, int percentile) {
		List<Long> sorted = values.stream().sorted().toList();
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
	}

}
