package dev.tower.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.tower.account.AccountService;
import dev.tower.account.ApiTokenService;
import dev.tower.account.TokenScope;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Controller;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.bind.annotation.GetMapping;

import static org.assertj.core.api.Assertions.assertThat;

/** What a client sees on the wire: error pages, problem documents, operations endpoints. */
@TowerServerTest
@Import(ServerBehaviourTests.Failing.class)
class ServerBehaviourTests {

	@LocalServerPort
	int port;

	@Autowired
	AccountService accounts;

	@Autowired
	ApiTokenService tokens;

	/** Where Tomcat reports an exception a request ended with (under .[engine].[host].[context].[servlet]). */
	static final String TOMCAT_CONTAINER_LOG = "org.apache.catalina.core.ContainerBase";

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void unknownApiAddressesAnswerProblemDocuments() throws Exception {
		String token = readerToken();
		HttpResponse<String> response = get("/api/v1/no-such-thing", "application/json", token);

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("\"instance\":\"/api/v1/no-such-thing\"").doesNotContain("Exception");
	}

	@Test
	void unknownPagesAnswerTheStyledNotFoundPage() throws Exception {
		HttpResponse<String> response = signedIn("/no/such/page", "text/html");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("Page not found", "Back to the boards", "navbar");
	}

	@Test
	void failuresShowTheStyledErrorPageAndNothingOfTheInternals() throws Exception {
		// The details go to the server's log: kept here, so that this failure on purpose stays out of the test log.
		Logger tomcatLog = (Logger) LoggerFactory.getLogger(TOMCAT_CONTAINER_LOG);
		ListAppender<ILoggingEvent> serverLog = new ListAppender<>();
		serverLog.start();
		tomcatLog.addAppender(serverLog);
		tomcatLog.setAdditive(false);
		try {
			HttpResponse<String> page = signedIn("/test/failure", "text/html");
			assertThat(page.statusCode()).isEqualTo(500);
			assertThat(page.body()).contains("Something went wrong", "Back to the boards").doesNotContain("database password", "at dev.tower");

			HttpResponse<String> api = signedIn("/test/failure", "application/json");
			assertThat(api.statusCode()).isEqualTo(500);
			assertThat(api.body()).contains("\"status\":500").doesNotContain("database password", "Exception");

			assertThat(serverLog.list).filteredOn(event -> event.getThrowableProxy() != null)
				.extracting(event -> event.getThrowableProxy().getMessage())
				.contains("database password is hunter2");
		}
		finally {
			tomcatLog.setAdditive(true);
			tomcatLog.detachAppender(serverLog);
		}
	}

	@Test
	void healthIsPublicAndMetricsAreForAdmins() throws Exception {
		assertThat(get("/actuator/health", "application/json", null).body()).contains("\"status\":\"UP\"");
		assertThat(get("/actuator/prometheus", "text/plain", null).statusCode()).isEqualTo(401);
		assertThat(get("/actuator/prometheus", "text/plain", readerToken()).statusCode()).isEqualTo(403);

		accounts.create("ops", "ops-kettle-harbour", true);
		String opsToken = tokens.issue("ops", "prometheus", TokenScope.API).secret();
		HttpResponse<String> metrics = get("/actuator/prometheus", "text/plain", opsToken);
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm_memory_used_bytes", "http_server_requests");
	}

	@Test
	void theOpenApiDocumentDescribesTheApi() throws Exception {
		HttpResponse<String> docs = get("/v3/api-docs", "application/json", null);

		assertThat(docs.statusCode()).isEqualTo(200);
		assertThat(docs.body()).contains("/api/v1/companies/{id}", "/api_1_0/get_company/{id}", "/api/v1/earnings");
		assertThat(get("/swagger-ui/index.html", "text/html", null).statusCode()).isEqualTo(200);
	}

	/** Production's default: the API document and Swagger UI are for signed-in users. */
	@Nested
	@TestPropertySource(properties = "tower.public-api-docs=false")
	class PrivateApiDocs {

		@Test
		void theApiDocumentationNeedsASignedInUser() throws Exception {
			for (String path : new String[] { "/v3/api-docs", "/swagger-ui/index.html" }) {
				HttpResponse<String> anonymous = get(path, "text/html", null);
				assertThat(anonymous.statusCode()).as(path).isEqualTo(302);
				assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/login"));
			}
		}

	}

	/** A page that fails the way a bug would. */
	@Controller
	static class Failing {

		@GetMapping("/test/failure")
		String fail() {
			throw new IllegalStateException("database password is hunter2");
		}

	}

	private String readerToken() {
		if (!accounts.exists("reader")) {
			accounts.create("reader", "reader-kettle-harbour", false);
		}
		return tokens.issue("reader", "test-" + System.nanoTime(), TokenScope.API).secret();
	}

	/** As a signed-in reader's browser asks for it: API tokens open the API only. */
	private HttpResponse<String> signedIn(String path, String accept) throws Exception {
		readerToken();
		URI server = URI.create("http://localhost:" + port);
		HttpClient browser = FormSignIn.signedIn(server, "reader", "reader-kettle-harbour");
		return browser.send(HttpRequest.newBuilder(server.resolve(path)).header("Accept", accept).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path, String accept, String token) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", accept);
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
