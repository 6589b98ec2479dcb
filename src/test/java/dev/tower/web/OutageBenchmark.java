package dev.tower.web;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.tower.TowerApplication;
import dev.tower.account.AccountService;
import dev.tower.account.ApiTokenService;
import dev.tower.account.TokenScope;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import redis.embedded.RedisServer;

/**
 * How long a request waits, and what it answers, while Redis and then PostgreSQL are stopped under a node: a signed-in
 * page and an API read by token, a few times each. Not part of the test suite (the name does not end in Tests):
 * {@code bench/outage.sh} runs it and prints one line per phase.
 */
class OutageBenchmark {

	static final int SAMPLES = 5;

	final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
		.followRedirects(HttpClient.Redirect.NEVER).build();

	final HttpClient client = HttpClient.newHttpClient();

	ConfigurableApplicationContext node;

	String token;

	@Test
	void requestWaitsDuringOutages() throws Exception {
		Path data = Files.createTempDirectory("outage-bench");
		int pgPort = freePort();
		int redisPort = freePort();
		EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
			.setPort(pgPort).start();
		RedisServer redis = RedisServer.newRedisServer().port(redisPort).bind("127.0.0.1").build();
		redis.start();
		node = new SpringApplicationBuilder(TowerApplication.class).profiles("testing")
			.run("--server.port=0", "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
					"--spring.datasource.username=postgres", "--spring.datasource.password=",
					"--REDIS_URL=redis://127.0.0.1:" + redisPort, "--logging.level.root=off");
		try {
			node.getBean(AccountService.class).create("bench", "bench-kettle-harbour", true);
			token = node.getBean(ApiTokenService.class).issue("bench", "bench", TokenScope.API).secret();
			String login = browser.send(request("/login").GET().build(), HttpResponse.BodyHandlers.ofString()).body();
			browser.send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("username=bench&password=bench-kettle-harbour&_csrf=" + FormSignIn.csrf(login)))
				.build(), HttpResponse.BodyHandlers.discarding());
			String id = client.send(api("/api/v1/companies").header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Acme\",\"ceo\":\"Wile\",\"businessType\":\"Retail\"}"))
				.build(), HttpResponse.BodyHandlers.ofString()).body().replaceAll(".*\"id\":(\\d+).*", "$1");

			measure("all up", id);
			redis.stop();
			measure("Redis stopped", id);
			redis.start();
			postgres.close();
			measure("PostgreSQL stopped", id);
		}
		finally {
			node.close();
			redis.stop();
			postgres.close();
		}
	}

	private void measure(String phase, String id) throws Exception {
		for (int i = 0; i < 3; i++) { // warm up, and let the node notice the outage
			time(browser, request("/companies").header("Accept", "text/html").GET());
			time(client, api("/api/v1/companies/" + id).GET());
		}
		List<String> lines = new ArrayList<>();
		lines.add(report(phase, "page /companies (session)", browser, request("/companies").header("Accept", "text/html").GET()));
		lines.add(report(phase, "API /api/v1/companies/{id} (token)", client, api("/api/v1/companies/" + id).GET()));
		lines.forEach(System.out::println);
	}

	private static String report(String phase, String what, HttpClient who, HttpRequest.Builder request) throws Exception {
		List<Long> millis = new ArrayList<>();
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < SAMPLES; i++) {
			long start = System.nanoTime();
			statuses.add(time(who, request));
			millis.add((System.nanoTime() - start) / 1_000_000);
		}
		millis.sort(null);
		return String.format(Locale.ROOT, "%-20s %-38s median %6d ms  max %6d ms  statuses %s", phase, what,
				millis.get(SAMPLES / 2), millis.get(SAMPLES - 1), statuses);
	}

	private static int time(HttpClient who, HttpRequest.Builder request) throws Exception {
		try {
			return who.send(request.timeout(Duration.ofSeconds(90)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (java.net.http.HttpTimeoutException ex) {
			return -1;
		}
	}

	private HttpRequest.Builder api(String path) {
		return request(path).header("Authorization", "Bearer " + token).header("Accept", "application/json");
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + node.getEnvironment().getProperty("local.server.port") + path));
	}

	private static int freePort() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}


}
