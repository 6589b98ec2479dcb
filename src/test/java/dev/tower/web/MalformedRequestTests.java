package dev.tower.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.tower.account.AccountService;
import dev.tower.account.ApiTokenService;
import dev.tower.account.TokenScope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a fuzzer sends: each answers a 4xx problem document, never a 500. On a real port, because Tomcat, not
 * Spring, decodes the query string.
 */
@TowerServerTest
class MalformedRequestTests {

	@LocalServerPort
	int port;

	@Autowired
	AccountService accounts;

	@Autowired
	ApiTokenService tokens;

	final HttpClient http = HttpClient.newHttpClient();

	String admin;

	@BeforeEach
	void anAdminToken() {
		accounts.create("fuzzer", "fuzzer-kettle-harbour", true);
		admin = tokens.issue("fuzzer", "fuzz", TokenScope.API).secret();
	}

	@Test
	void malformedUtf8InAQueryParameterIsABadRequest() throws Exception {
		for (String path : new String[] { "/api/v1/companies?name=%FF", "/api/v1/results/runs?owner=%C3%28",
				"/api/v1/earnings?businessType=%E2%82" }) {
			assertProblem(send(HttpRequest.newBuilder(url(path)).GET()), 400);
		}
		HttpResponse<String> page = http.send(HttpRequest.newBuilder(url("/login?error=%FF")).header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.body()).contains("Bad Request");
	}

	@Test
	void datesAtTheEndOfTheCalendarAreABadRequest() throws Exception {
		assertProblem(send(HttpRequest.newBuilder(url("/api/v1/results/runs?to=%2B999999999-12-31")).GET()), 400);
		assertProblem(send(HttpRequest.newBuilder(url("/api/v1/results/trend?from=-999999999-01-01")).GET()), 400);
	}

	@Test
	void jsonBodiesOverAMegabyteAreRefusedWhole() throws Exception {
		String name = "x".repeat(2 << 20);
		String body = "{\"name\":\"" + name + "\",\"ceo\":\"c\",\"businessType\":\"b\"}";
		assertProblem(send(HttpRequest.newBuilder(url("/api/v1/companies")).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))), 413);
		// Without a length (chunked), the limit is met while reading.
		assertProblem(send(HttpRequest.newBuilder(url("/api/v1/companies")).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body.getBytes())))), 413);
	}

	@Test
	void theErrorPageAskedForDirectlyIsNotAServerError() throws Exception {
		// Anyone may reach /error (it renders every error page); a token opens only the API.
		assertProblem(http.send(HttpRequest.newBuilder(url("/error")).build(), HttpResponse.BodyHandlers.ofString()), 404);
		HttpResponse<String> page = http.send(HttpRequest.newBuilder(url("/error")).header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.body()).contains("Page not found");
	}

	private void assertProblem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.uri() + ": " + response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("\"status\":" + status).doesNotContain("Exception");
	}

	private URI url(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return http.send(request.header("Authorization", "Bearer " + admin).build(), HttpResponse.BodyHandlers.ofString());
	}

}
