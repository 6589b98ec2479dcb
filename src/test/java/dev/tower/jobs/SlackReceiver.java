package dev.tower.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/** A local stand-in for Slack's incoming webhook: records what it is sent and answers as told. */
final class SlackReceiver {

	record Received(String contentType, String body) {
	}

	static final SlackReceiver INSTANCE = new SlackReceiver();

	private final HttpServer server;

	final List<Received> received = new CopyOnWriteArrayList<>();

	private volatile int status = 200;

	private volatile Duration delay = Duration.ZERO;

	private SlackReceiver() {
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		server.createContext("/services/T000/B000/XXXX", exchange -> {
			received.add(new Received(exchange.getRequestHeaders().getFirst("Content-Type"),
					new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
			try {
				Thread.sleep(delay.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			byte[] answer = (status == 200 ? "ok" : "no_service").getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(status, answer.length);
			exchange.getResponseBody().write(answer);
			exchange.close();
		});
		server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
		server.start();
	}

	String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/services/T000/B000/XXXX";
	}

	void answer(int status, Duration delay) {
		this.status = status;
		this.delay = delay;
	}

	void reset() {
		received.clear();
		answer(200, Duration.ZERO);
	}

}
