package dev.tower.web;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

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

import static dev.tower.web.FormSignIn.csrf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL stops while a node serves, then starts again on the same port with the same data: the node answers
 * 503 with Retry-After within the client's 5 s (a problem document for the API, a page for browsers), reports
 * itself not ready, and serves again by itself once the database is back.
 */
class DatabaseOutageTests {

	static final Duration PATIENCE = Duration.ofSeconds(5);

	@TempDir
	static Path data;

	static int port;

	static EmbeddedPostgres postgres;

	static ConfigurableApplicationContext node;

	static String token;

	final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
		.followRedirects(HttpClient.Redirect.NEVER).build();

	@BeforeAll
	static void start() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		postgres = postgres();
		node = new SpringApplicationBuilder(TowerApplication.class).profiles("testing")
			.run("--server.port=0", "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
					"--spring.datasource.username=postgres", "--spring.datasource.password=",
					// Expected while the database is away: the pool's, Hibernate's and the health check's complaints,
					// a transaction whose rollback failed on the dropped connection, one line per refused request.
					"--logging.level.com.zaxxer.hikari=off", "--logging.level.dev.tower.web=error",
					"--logging.level.org.springframework.boot.jdbc=error", "--logging.level.org.springframework.boot.health=error",
					"--logging.level.org.hibernate.orm.jdbc.error=off",
					"--logging.level.org.springframework.transaction.interceptor=off");
		node.getBean(AccountService.class).create("oscar", "oscar-kettle-harbour", true);
		token = node.getBean(ApiTokenService.class).issue("oscar", "outage", TokenScope.API).secret();
	}

	static EmbeddedPostgres postgres() throws Exception {
		return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
	}

	@AfterAll
	static void stop() throws Exception {
		node.close();
		postgres.close();
	}

	@Test
	void anOutageAnswers503QuicklyAndTheNodeRecoversByItself() throws Exception {
		String login = send(request("/login").GET()).body();
		assertThat(send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=oscar&password=oscar-kettle-harbour&_csrf=" + csrf(login))))
			.statusCode()).isEqualTo(302);
		assertThat(send(api("/api/v1/companies")).statusCode()).isEqualTo(200);
		assertThat(send(request("/actuator/health/readiness").GET()).statusCode()).isEqualTo(200);

		postgres.close();

		HttpResponse<String> api = send(api("/api/v1/companies"));
		assertThat(api.statusCode()).isEqualTo(503);
		assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(api.headers().firstValue("Retry-After")).hasValue("10");
		assertThat(api.body()).contains("\"status\":503", "cannot reach its database");

		HttpResponse<String> page = send(request("/companies").header("Accept", "text/html").GET());
		assertThat(page.statusCode()).isEqualTo(503);
		assertThat(page.headers().firstValue("Retry-After")).hasValue("10");
		assertThat(page.body()).contains("Tower is unavailable for a moment");

		assertThat(send(request("/actuator/health/readiness").GET()).statusCode()).as("ready without a database").isEqualTo(503);
		assertThat(send(request("/actuator/health/liveness").GET()).statusCode()).as("alive").isEqualTo(200);

		postgres = postgres();

		awaitStatus(api("/api/v1/companies"), 200);
		awaitStatus(request("/companies").GET(), 200);
		assertThat(send(request("/actuator/health/readiness").GET()).statusCode()).isEqualTo(200);
	}

	/** The node reconnects by itself: polls (up to 60 s) until the request answers this status. */
	private void awaitStatus(HttpRequest.Builder request, int status) throws Exception {
		int last = 0;
		for (int i = 0; i < 120 && last != status; i++) {
			last = send(request).statusCode();
			if (last != status) {
				Thread.sleep(500);
			}
		}
		assertThat(last).as("%s after the database came back", request.build().uri().getPath()).isEqualTo(status);
	}

	/** Every request must answer within the client's patience: the outage is not allowed to hold it. */
	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return browser.send(request.timeout(PATIENCE).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpRequest.Builder api(String path) {
		return request(path).header("Authorization", "Bearer " + token).header("Accept", "application/json").GET();
	}

	private static HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + node.getEnvironment().getProperty("local.server.port") + path));
	}


}
