package dev.tower.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import dev.tower.SlowTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fifty clients that drip-feed a sign-in form, a byte every two seconds, against Tower's eight request threads: the
 * health probe keeps answering within a second, and each slow client is cut off.
 */
@TowerServerTest
@TestPropertySource(properties = "tower.form-body-deadline=4s")
class SlowClientTests {

	private static final int CLIENTS = 50;

	@LocalServerPort
	int port;

	final List<Socket> slow = new ArrayList<>();

	final ScheduledExecutorService drip = Executors.newSingleThreadScheduledExecutor();

	@AfterEach
	void hangUp() throws IOException {
		drip.shutdownNow();
		for (Socket socket : slow) {
			socket.close();
		}
	}

	@SlowTest
	void dripFedFormsDoNotStarveTheServer() throws Exception {
		HttpClient probe = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
			.timeout(Duration.ofSeconds(1)).build();
		// A first request warms the health endpoint up, so that the probes below time only the server's threads.
		probe.send(HttpRequest.newBuilder(health.uri()).build(), HttpResponse.BodyHandlers.discarding());

		for (int i = 0; i < CLIENTS; i++) {
			Socket socket = new Socket("localhost", port);
			socket.getOutputStream().write(("POST /login HTTP/1.1\r\nHost: localhost\r\n"
					+ "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\nusername=")
				.getBytes(StandardCharsets.US_ASCII));
			slow.add(socket);
		}
		drip.scheduleAtFixedRate(() -> slow.forEach(SlowClientTests::oneByte), 2, 2, TimeUnit.SECONDS);

		for (int i = 0; i < 12; i++) {
			HttpResponse<String> answer = probe.send(health, HttpResponse.BodyHandlers.ofString());
			assertThat(answer.statusCode()).as("probe %d", i).isEqualTo(200);
			Thread.sleep(500);
		}

		// Past the deadline and one more read timeout, every slow client has had its answer and been disconnected.
		for (Socket socket : slow) {
			socket.setSoTimeout(15_000);
			assertThat(statusLine(socket.getInputStream())).matches("HTTP/1.1 (408|503) .*|reset");
		}
	}

	private static void oneByte(Socket socket) {
		try {
			if (socket.getInputStream().available() > 0) {
				return; // answered: stop sending
			}
			OutputStream out = socket.getOutputStream();
			out.write('a');
			out.flush();
		}
		catch (IOException ex) {
			// cut off by the server: what the test expects
		}
	}

	/** The answer's status line, or "reset" if the server's close came before it could be read. */
	private static String statusLine(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		try {
			for (int c; (c = in.read()) >= 0 && c != '\r';) {
				line.append((char) c);
			}
		}
		catch (SocketException ex) {
			return "reset";
		}
		return line.toString();
	}

}
