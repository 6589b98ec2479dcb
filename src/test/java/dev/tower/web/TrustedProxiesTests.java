package dev.tower.web;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.tower.account.AccountService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** X-Forwarded-For is believed from the configured proxies only: a client cannot pick its address per guess. */
@TowerServerTest
@TestPropertySource(properties = "server.forward-headers-strategy=native") // as production has always had it
class TrustedProxiesTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	AccountService accounts;

	@BeforeEach
	void carol() {
		accounts.create("carol", "carol-kettle-harbour", false);
	}

	@Test
	void aNewForwardedAddressOnEveryGuessDoesNotEscapeTheThrottle() throws Exception {
		for (int guess = 1; guess <= 4; guess++) {
			assertThat(signIn("carol", "guess-" + guess, "203.0.113." + guess)).endsWith("/login?error");
		}
		assertThat(signIn("carol", "guess-5", "203.0.113.5")).as("the fifth wrong password").contains("/login?locked=");
		assertThat(signIn("carol", "carol-kettle-harbour", "203.0.113.99")).as("the right password, while locked").contains("/login?locked=");
	}

	@Test
	void badProxyListsStopStartUp() {
		assertThatThrownBy(() -> TrustedProxies.cidr("proxy.example.com/33")).hasMessageContaining("is not an IP address or a CIDR range");
		assertThat(TrustedProxies.cidr("10.0.0.5")).isEqualTo("10.0.0.5/32");
		assertThat(TrustedProxies.cidr("fd00::1")).isEqualTo("fd00::1/128");
		assertThat(TrustedProxies.cidr("10.1.0.0/16")).isEqualTo("10.1.0.0/16");
	}

	@Nested
	@TestPropertySource(properties = "tower.trusted-proxies=192.0.2.0/24, 127.0.0.1")
	class BehindAConfiguredProxy {

		@Test
		void theForwardedAddressIsTheClients() throws Exception {
			for (int guess = 1; guess <= 4; guess++) {
				assertThat(signIn("carol", "guess-" + guess, "203.0.113.7")).endsWith("/login?error");
			}
			assertThat(signIn("carol", "guess-5", "203.0.113.7")).contains("/login?locked=");
			assertThat(signIn("carol", "carol-kettle-harbour", "203.0.113.7")).as("the guesser").contains("/login?locked=");
			assertThat(signIn("carol", "carol-kettle-harbour", "203.0.113.8")).as("carol, elsewhere").endsWith("/");
		}

	}

	/** Signs in through the login form, as a browser behind a proxy would; returns where it was sent. */
	private String signIn(String username, String password, String forwardedFor) throws Exception {
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		HttpResponse<String> form = browser.send(HttpRequest.newBuilder(url("/login")).header("X-Forwarded-For", forwardedFor).build(),
				HttpResponse.BodyHandlers.ofString());
		Matcher csrf = CSRF.matcher(form.body());
		assertThat(csrf.find()).as("the login form's CSRF token").isTrue();
		String body = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(csrf.group(1));
		HttpResponse<Void> answer = browser.send(HttpRequest.newBuilder(url("/login")).header("X-Forwarded-For", forwardedFor)
			.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
				HttpResponse.BodyHandlers.discarding());
		assertThat(answer.statusCode()).isEqualTo(302);
		return answer.headers().firstValue("Location").orElseThrow();
	}

	private URI url(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
