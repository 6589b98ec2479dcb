package dev.tower.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.tower.TowerApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Tower nodes sharing one real PostgreSQL, in this JVM or as separate {@code tower worker} processes. */
final class Cluster implements AutoCloseable {

	private final EmbeddedPostgres postgres;

	private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

	private final List<Process> processes = new ArrayList<>();

	Cluster() throws IOException {
		this.postgres = EmbeddedPostgres.builder().start();
	}

	String jdbcUrl() {
		return postgres.getJdbcUrl("postgres", "postgres");
	}

	/** A node in this JVM with the test tasks; a worker runs jobs, other nodes only queue and read them. */
	ConfigurableApplicationContext node(String name, boolean worker, String... extraArgs) {
		List<String> args = new ArrayList<>(commonArgs(name, worker));
		args.addAll(List.of(extraArgs));
		ConfigurableApplicationContext node = new SpringApplicationBuilder(TowerApplication.class, TestTasks.class)
			.web(WebApplicationType.NONE)
			.profiles("testing")
			.run(args.toArray(String[]::new));
		nodes.add(node);
		return node;
	}

	/** A real {@code tower worker} process, started from this test's class path. */
	Process workerProcess(String name, Path log) throws IOException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx256m", "-cp", System.getProperty("java.class.path"), TowerApplication.class.getName(),
				"--profile", "testing", "worker", "--spring.main.sources=" + TestTasks.class.getName()));
		command.addAll(commonArgs(name, true).stream().filter(arg -> !arg.startsWith("--jobrunr.background-job-server.enabled")).toList());
		Files.createDirectories(log.getParent());
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		processes.add(process);
		return process;
	}

	private List<String> commonArgs(String name, boolean worker) {
		return List.of("--spring.datasource.url=" + jdbcUrl(), "--spring.datasource.username=postgres",
				"--spring.datasource.password=", "--jobrunr.background-job-server.enabled=" + worker,
				"--jobrunr.background-job-server.name=" + name, "--jobrunr.jobs.retry-back-off-time-seed=2",
				"--logging.level.org.jobrunr=error");
	}

	@Override
	public void close() throws IOException {
		processes.forEach(Process::destroyForcibly);
		nodes.forEach(ConfigurableApplicationContext::close);
		postgres.close();
	}

}
