package dev.tower;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", System.getProperty("java.class.path"), TowerApplication.class.getName(),
				"--profile", "testing", "serve", "--server.port=" + port)
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
			.start();
		try {
			awaitHealthy(server, port);
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

	/** Up to 3 minutes (a busy machine), asking the health endpoint as a load balancer would. */
	private static void awaitHealthy(Process server, int port) throws InterruptedException {
		HttpClient http = HttpClient.newHttpClient();
		HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
			.timeout(Duration.ofSeconds(5)).build();
		for (int i = 0; i < 360; i++) {
			assertThat(server.isAlive()).as("the server is running").isTrue();
			try {
				if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			Thread.sleep(500);
		}
		throw new AssertionError("the server did not answer its health check within 3 minutes");
	}

}
