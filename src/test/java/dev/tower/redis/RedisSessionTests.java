package dev.tower.redis;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.tower.TowerApplication;
import dev.tower.account.AccountService;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.cache.RedisCacheManager;
import redis.embedded.RedisServer;

import static dev.tower.web.FormSignIn.csrf;
import static org.assertj.core.api.Assertions.assertThat;

/** Two web nodes behind one address, sharing a real Redis: a user signed in on one is signed in on the other. */
class RedisSessionTests {

	static EmbeddedPostgres postgres;

	static RedisServer redis;

	static ConfigurableApplicationContext one;

	static ConfigurableApplicationContext two;

	final HttpClient browser = HttpClient.newBuilder()
		.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	@BeforeAll
	static void startTwoNodes() throws Exception {
		postgres = EmbeddedPostgres.builder().start();
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		redis = new RedisServer(port);
		redis.start();
		one = node(port);
		two = node(port);
		one.getBean(AccountService.class).create("carol", "carol-kettle-harbour", true);
	}

	static ConfigurableApplicationContext node(int redisPort) {
		return new SpringApplicationBuilder(TowerApplication.class).profiles("testing")
			.run("--server.port=0", "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
					"--spring.datasource.username=postgres", "--spring.datasource.password=",
					"--REDIS_URL=redis://127.0.0.1:" + redisPort);
	}

	@AfterAll
	static void stop() throws Exception {
		two.close();
		one.close();
		redis.stop();
		postgres.close();
	}

	@Test
	void aUserSignedInOnOneNodeIsSignedInOnTheOtherAndSignsOutOfBoth() throws Exception {
		String login = get(one, "/login").body();
		HttpResponse<String> signedIn = post(one, "/login", "username=carol&password=carol-kettle-harbour&_csrf=" + csrf(login));
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(url -> assertThat(url).doesNotContain("error"));

		HttpResponse<String> account = get(two, "/account");
		assertThat(account.statusCode()).isEqualTo(200);
		assertThat(account.body()).contains("carol");

		assertThat(post(two, "/logout", "_csrf=" + csrf(account.body())).statusCode()).isEqualTo(302);
		assertThat(get(one, "/account").statusCode()).isEqualTo(302);
	}

	@Test
	void aPasswordChangedOnOneNodeEndsTheSessionsSharedInRedis() throws Exception {
		one.getBean(AccountService.class).create("erin", "erin-kettle-harbour", false);
		String login = get(one, "/login").body();
		post(one, "/login", "username=erin&password=erin-kettle-harbour&_csrf=" + csrf(login));
		assertThat(get(two, "/account").statusCode()).isEqualTo(200);

		one.getBean(AccountService.class).changePassword("erin", "erin-new-kettle-harbour");

		assertThat(get(two, "/account").statusCode()).as("signed out on the other node").isEqualTo(302);
		assertThat(get(one, "/account").statusCode()).as("and on this one").isEqualTo(302);
	}

	@Test
	void theCacheIsSharedAndRedisIsInTheHealthCheck() throws Exception {
		assertThat(one.getBean(CacheManager.class)).isInstanceOf(RedisCacheManager.class);
		Cache onOne = one.getBean(CacheManager.class).getCache("companies");
		Cache onTwo = two.getBean(CacheManager.class).getCache("companies");
		// Many rounds, because a write that lands in the background is missed only now and then.
		for (long id = 1; id <= 200; id++) {
			onOne.put(id, "cached on node one");
			assertThat(onTwo.get(id, String.class)).as("company %d just cached on node one", id).isEqualTo("cached on node one");
			onOne.evict(id);
			assertThat(onTwo.get(id, String.class)).as("company %d just evicted on node one", id).isNull();
		}

		String login = get(two, "/login").body();
		post(two, "/login", "username=carol&password=carol-kettle-harbour&_csrf=" + csrf(login));
		HttpResponse<String> health = get(two, "/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).containsPattern("\"redis\":\\{\"details\":\\{[^}]*\\},\"status\":\"UP\"");
	}

	@Test
	void wrongPasswordsOnOneNodeCountOnTheOther() throws Exception {
		one.getBean(AccountService.class).create("dave", "dave-kettle-harbour", false);
		String token = csrf(get(one, "/login").body());
		for (int i = 1; i <= 5; i++) {
			post(i % 2 == 0 ? one : two, "/login", "username=dave&password=guess-" + i + "&_csrf=" + token);
		}

		String login = get(two, "/login").body();
		HttpResponse<String> refused = post(two, "/login", "username=dave&password=dave-kettle-harbour&_csrf=" + csrf(login));
		assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(url -> assertThat(url).contains("locked="));
		assertThat(get(two, "/account").statusCode()).as("not signed in").isEqualTo(302);
	}

	private HttpResponse<String> get(ConfigurableApplicationContext node, String path) throws Exception {
		return browser.send(HttpRequest.newBuilder(uri(node, path)).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(ConfigurableApplicationContext node, String path, String form) throws Exception {
		return browser.send(HttpRequest.newBuilder(uri(node, path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static URI uri(ConfigurableApplicationContext node, String path) {
		return URI.create("http://localhost:" + node.getEnvironment().getProperty("local.server.port") + path);
	}


}
