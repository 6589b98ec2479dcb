package dev.tower.redis;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.tower.SlowTest;
import dev.tower.TowerApplication;
import dev.tower.account.AccountService;
import dev.tower.account.ApiTokenService;
import dev.tower.account.TokenScope;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import redis.embedded.RedisServer;

import static dev.tower.web.FormSignIn.csrf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redis goes away for ten seconds, and for ninety, under load and comes back with what it held (it persists, as a production Redis
 * does): no request waits more than the client's 3 s, the API answers from the database throughout, and a change
 * whose cache eviction was lost in the outage is not served stale afterwards.
 */
class RedisOutageTests {

	static final Duration PATIENCE = Duration.ofSeconds(3);

	@TempDir
	static Path redisData;

	static EmbeddedPostgres postgres;

	static RedisServer redis;

	static ConfigurableApplicationContext node;

	static String token;

	final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@BeforeAll
	static void start() throws Exception {
		postgres = EmbeddedPostgres.builder().start();
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		redis = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
			.setting("dir " + redisData).setting("appendonly yes").setting("appendfsync always")
			.build();
		redis.start();
		node = new SpringApplicationBuilder(TowerApplication.class).profiles("testing")
			.run("--server.port=0", "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
					"--spring.datasource.username=postgres", "--spring.datasource.password=",
					"--REDIS_URL=redis://127.0.0.1:" + port,
					// Expected during the outage: one line per refused request, reconnect attempts, a page whose
					// session could not be saved as Redis went.
					"--logging.level.dev.tower.web=error", "--logging.level.dev.tower.redis=error",
					"--logging.level.io.lettuce.core=error", "--logging.level.org.thymeleaf.TemplateEngine=off");
		node.getBean(AccountService.class).create("olive", "olive-kettle-harbour", true);
		token = node.getBean(ApiTokenService.class).issue("olive", "outage", TokenScope.API).secret();
	}

	@AfterAll
	static void stop() throws Exception {
		node.close();
		redis.stop();
		postgres.close();
	}

	@Test
	void aTenSecondOutageUnderLoadNeitherHangsNorLeavesAStaleCache() throws Exception {
		outageUnderLoad(Duration.ofSeconds(10));
	}

	/** Long enough for every pooled and cached connection to time out, and for Lettuce's reconnect back-off to grow. */
	@Test
	@SlowTest
	void aNinetySecondOutageUnderLoadNeitherHangsNorLeavesAStaleCache() throws Exception {
		outageUnderLoad(Duration.ofSeconds(90));
	}

	private void outageUnderLoad(Duration outage) throws Exception {
		String before = "Acme " + outage.toSeconds();
		String after = "Acme Two " + outage.toSeconds();
		String created = send(api("/api/v1/companies").POST(json("{\"name\":\"" + before + "\",\"ceo\":\"Wile\",\"businessType\":\"Retail\"}"))).body();
		String id = created.replaceAll(".*\"id\":(\\d+).*", "$1");
		assertThat(send(api("/api/v1/companies/" + id).GET()).body()).contains("\"" + before + "\"");

		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.followRedirects(HttpClient.Redirect.NEVER).build();
		String login = browser.send(request("/login").GET().build(), HttpResponse.BodyHandlers.ofString()).body();
		assertThat(browser.send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=olive&password=olive-kettle-harbour&_csrf=" + csrf(login))).build(),
				HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(302);

		Queue<String> problems = new ConcurrentLinkedQueue<>();
		AtomicInteger answered = new AtomicInteger();
		AtomicBoolean running = new AtomicBoolean(true);
		ExecutorService load = Executors.newFixedThreadPool(4);
		for (int i = 0; i < 2; i++) {
			load.submit(() -> keepAsking(client, api("/api/v1/companies/" + id), List.of(200), running, answered, problems));
			load.submit(() -> keepAsking(browser, request("/companies"), List.of(200, 302, 503), running, answered, problems));
		}

		Thread.sleep(1000);
		redis.stop();
		Thread.sleep(2000);
		HttpResponse<String> renamed = send(api("/api/v1/companies/" + id)
			.PUT(json("{\"name\":\"" + after + "\",\"ceo\":\"Wile\",\"businessType\":\"Retail\"}")));
		assertThat(renamed.statusCode()).as("a change while Redis is away").isEqualTo(200);
		assertThat(send(api("/api/v1/companies/" + id).GET()).body()).as("read from the database").contains("\"" + after + "\"");
		Thread.sleep(outage.toMillis() - 2000);
		running.set(false);
		load.shutdown();
		assertThat(load.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
		redis.start();
		awaitRedis();
		// Past the second in which the cache stays bypassed after a failure: the next read asks Redis, which
		// still holds "Acme" unless the eviction lost in the outage was sent again.
		Thread.sleep(2000);

		assertThat(problems).as("requests that waited longer than %s or answered wrongly", PATIENCE).isEmpty();
		assertThat(answered.get()).as("requests answered").isGreaterThan(20);
		assertThat(send(api("/api/v1/companies/" + id).GET()).body()).as("after Redis is back").contains("\"" + after + "\"");
		assertThat(browser.send(request("/companies").GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode())
			.as("still signed in once Redis is back").isEqualTo(200);
	}

	private void keepAsking(HttpClient who, HttpRequest.Builder what, List<Integer> expected, AtomicBoolean running,
			AtomicInteger answered, Queue<String> problems) {
		HttpRequest request = what.timeout(PATIENCE).build();
		while (running.get()) {
			try {
				int status = who.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
				answered.incrementAndGet();
				if (!expected.contains(status)) {
					problems.add(request.uri().getPath() + " answered " + status);
				}
			}
			catch (HttpTimeoutException ex) {
				problems.add(request.uri().getPath() + " waited longer than " + PATIENCE);
			}
			catch (Exception ex) {
				problems.add(request.uri().getPath() + ": " + ex);
			}
		}
	}

	/** Waits (up to 30 s) until the node's Redis connection answers again. */
	private static void awaitRedis() throws InterruptedException {
		RedisConnectionFactory factory = node.getBean(RedisConnectionFactory.class);
		for (int i = 0; i < 300; i++) {
			try (var connection = factory.getConnection()) {
				if ("PONG".equals(connection.ping())) {
					return;
				}
			}
			catch (RuntimeException notYet) {
				Thread.sleep(100);
			}
		}
		throw new AssertionError("Redis did not come back");
	}

	/** A request outside the load, with time for a cold JIT on a busy machine: the load is what is timed. */
	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpRequest.Builder api(String path) {
		return request(path).header("Authorization", "Bearer " + token).header("Accept", "application/json")
			.header("Content-Type", "application/json");
	}

	private static HttpRequest.BodyPublisher json(String body) {
		return HttpRequest.BodyPublishers.ofString(body);
	}

	private static HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + node.getEnvironment().getProperty("local.server.port") + path));
	}


}
