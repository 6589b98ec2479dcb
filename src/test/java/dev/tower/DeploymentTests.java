package dev.tower;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** What deploy/ ships: systemd units that systemd accepts, and that count a clean stop as a success. */
class DeploymentTests {

	static final List<Path> UNITS = List.of(Path.of("deploy/systemd/tower.service"), Path.of("deploy/systemd/tower-worker.service"));

	@Test
	void systemdAcceptsTheUnits() throws Exception {
		Path analyze = Path.of("/usr/bin/systemd-analyze");
		assumeTrue(Files.isExecutable(analyze), "systemd-analyze is not installed: the units are not verified here");
		Process verify = new ProcessBuilder(analyze.toString(), "verify", UNITS.get(0).toString(), UNITS.get(1).toString())
			.redirectErrorStream(true)
			.start();
		String output = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(verify.waitFor()).isZero();
		// verify exits 0 even for a value it could not parse and ignored; it says so on its output.
		assertThat(output).isEmpty();
	}

	@Test
	void aServerStoppedWithSigtermExitsWithAStatusTheUnitsCountAsClean() throws Exception {
		Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", System.getProperty("java.class.path"), TowerApplication.class.getName(),
				"--profile", "testing", "serve", "--server.port=0")
			.redirectErrorStream(true)
			.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
			.start();
		try {
			awaitStarted(server);
			server.destroy(); // SIGTERM
			assertThat(server.waitFor(60, TimeUnit.SECONDS)).as("stopped").isTrue();
			int status = server.exitValue();
			for (Path unit : UNITS) {
				assertThat(Files.readAllLines(unit)).as(unit.toString()).contains("SuccessExitStatus=" + status);
			}
		}
		finally {
			server.destroyForcibly();
		}
	}

	private static void awaitStarted(Process server) throws IOException {
		BufferedReader output = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
		for (String line = output.readLine(); line != null; line = output.readLine()) {
			if (line.contains("Started TowerApplication")) {
				// Keep draining the output, so the server never blocks on a full pipe while it stops.
				Thread drain = new Thread(() -> {
					try {
						output.lines().forEach(ignored -> { });
					}
					catch (UncheckedIOException closedWhenTheServerEnded) {
						// nothing more to drain
					}
				});
				drain.setDaemon(true);
				drain.start();
				return;
			}
		}
		throw new AssertionError("the server ended before it started");
	}

}
