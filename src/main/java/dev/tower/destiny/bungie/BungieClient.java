package dev.tower.destiny.bungie;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.tower.destiny.bungie.BungieException.Kind;

/**
 * Bungie.net's API over HTTP: {@code X-API-Key} and a User-Agent on every request, gzip, timeouts, and the
 * {@code Response}/{@code ErrorCode} envelope read on every Platform call (success is ErrorCode 1). Every failure
 * becomes a {@link BungieException} whose kind says what to tell the player.
 */
@Component
public class BungieClient {

	static final String USER_AGENT = "Tower/1.0 (Destiny board; +https://github.com/tower)";

	private final BungieProperties properties;

	private final JsonMapper json;

	private final HttpClient http;

	BungieClient(BungieProperties properties, JsonMapper json) {
		this.properties = properties;
		this.json = json;
		this.http = HttpClient.newBuilder()
			.connectTimeout(properties.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	public BungieProperties properties() {
		return properties;
	}

	/** GET {@code /Platform + path}; returns the envelope's {@code Response}. {@code accessToken} may be null. */
	public JsonNode get(String path, String accessToken) {
		return platform(request(path, accessToken).GET(), path);
	}

	/** POST {@code body} as JSON to {@code /Platform + path}; returns the envelope's {@code Response}. */
	public JsonNode post(String path, Object body, String accessToken) {
		HttpRequest.BodyPublisher content = HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body));
		return platform(request(path, accessToken).header("Content-Type", "application/json").POST(content), path);
	}

	/**
	 * A file under Bungie.net that is not a Platform call (the manifest's tables, icons), streamed and gunzipped.
	 * The caller closes it.
	 */
	public InputStream content(String path) {
		HttpRequest request = base(properties.baseUrl().resolve(path)).timeout(properties.readTimeout().multipliedBy(10))
			.GET()
			.build();
		HttpResponse<InputStream> response = send(request, path);
		if (response.statusCode() != 200) {
			close(response.body());
			throw new BungieException(response.statusCode() == 503 ? Kind.MAINTENANCE : Kind.UNAVAILABLE,
					"Bungie.net answered " + response.statusCode() + " for " + path, null);
		}
		return body(response);
	}

	/**
	 * The OAuth token endpoint, as a confidential client (HTTP Basic with the client id and secret). Returns
	 * Bungie's JSON as is; a refused grant ({@code {error, error_description}}) is {@link Kind#UNAUTHORIZED}.
	 */
	public JsonNode token(Map<String, String> form) {
		String credentials = Base64.getEncoder()
			.encodeToString((properties.clientId() + ":" + properties.clientSecret()).getBytes(StandardCharsets.UTF_8));
		String body = form.entrySet()
			.stream()
			.map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		HttpRequest request = base(properties.baseUrl().resolve("/Platform/App/OAuth/token/"))
			.header("Authorization", "Basic " + credentials)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		HttpResponse<InputStream> response = send(request, "the token endpoint");
		JsonNode answer = parse(response, "the token endpoint");
		if (answer.has("error")) {
			throw new BungieException(Kind.UNAUTHORIZED, 0, answer.path("error").asString(),
					"Bungie refused the login: " + answer.path("error_description").asString(answer.path("error").asString()),
					null, null);
		}
		if (response.statusCode() != 200 || !answer.has("access_token")) {
			throw new BungieException(Kind.UNAVAILABLE,
					"the token endpoint answered " + response.statusCode() + " without a token", null);
		}
		return answer;
	}

	/** Where to send a player to log in: Bungie's authorize page for this application, with {@code state}. */
	public URI authorizeUri(String state) {
		return properties.baseUrl()
			.resolve("/en/OAuth/Authorize?client_id=" + encode(properties.clientId()) + "&response_type=code&state="
					+ encode(state));
	}

	private HttpRequest.Builder request(String path, String accessToken) {
		HttpRequest.Builder request = base(properties.baseUrl().resolve("/Platform" + path))
			.timeout(properties.readTimeout());
		if (accessToken != null) {
			request.header("Authorization", "Bearer " + accessToken);
		}
		return request;
	}

	private HttpRequest.Builder base(URI uri) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.header("User-Agent", USER_AGENT)
			.header("Accept", "application/json")
			.header("Accept-Encoding", "gzip");
		if (properties.apiKey() != null) {
			request.header("X-API-Key", properties.apiKey());
		}
		return request;
	}

	private JsonNode platform(HttpRequest.Builder builder, String path) {
		HttpResponse<InputStream> response = send(builder.build(), path);
		JsonNode envelope = parse(response, path);
		int code = envelope.path("ErrorCode").asInt(0);
		if (code == BungieException.SUCCESS) {
			return envelope.path("Response");
		}
		String status = envelope.path("ErrorStatus").asString(null);
		String message = envelope.path("Message").asString("Bungie.net refused the request");
		Duration throttle = Duration.ofSeconds(envelope.path("ThrottleSeconds").asLong(0));
		throw new BungieException(kindOf(code, response.statusCode(), throttle), code, status, message, throttle, null);
	}

	static Kind kindOf(int code, int httpStatus, Duration throttle) {
		if (code == BungieException.SYSTEM_DISABLED) {
			return Kind.MAINTENANCE;
		}
		if (code == BungieException.WEB_AUTH_REQUIRED || code == BungieException.ACCESS_TOKEN_HAS_EXPIRED
				|| httpStatus == 401) {
			return Kind.UNAUTHORIZED;
		}
		if (!throttle.isZero() || code == 31 || (code >= 51 && code <= 57) || httpStatus == 429) {
			return Kind.THROTTLED;
		}
		if (code == 0 || httpStatus >= 500) {
			return Kind.UNAVAILABLE;
		}
		return Kind.REFUSED;
	}

	/** Bungie's JSON, or a clear failure for anything else (maintenance pages come as HTML). */
	private JsonNode parse(HttpResponse<InputStream> response, String what) {
		String type = response.headers().firstValue("Content-Type").orElse("");
		try (InputStream body = body(response)) {
			if (!type.contains("json")) {
				throw new BungieException(response.statusCode() == 503 ? Kind.MAINTENANCE : Kind.UNAVAILABLE,
						"Bungie.net answered " + response.statusCode() + " with " + (type.isEmpty() ? "no content type" : type)
								+ " instead of JSON for " + what,
						null);
			}
			return json.readTree(body);
		}
		catch (JacksonException ex) {
			throw new BungieException(Kind.UNAVAILABLE, "Bungie.net sent JSON Tower cannot read for " + what, ex);
		}
		catch (IOException ex) {
			throw new BungieException(Kind.UNAVAILABLE, "the answer from Bungie.net broke off for " + what, ex);
		}
	}

	private HttpResponse<InputStream> send(HttpRequest request, String what) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
		}
		catch (IOException ex) {
			throw new BungieException(Kind.UNAVAILABLE, "Bungie.net did not answer for " + what + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BungieException(Kind.UNAVAILABLE, "interrupted while waiting for Bungie.net", ex);
		}
	}

	private static InputStream body(HttpResponse<InputStream> response) {
		boolean gzip = response.headers().firstValue("Content-Encoding").map("gzip"::equalsIgnoreCase).orElse(false);
		try {
			return gzip ? new GZIPInputStream(response.body(), 1 << 16) : response.body();
		}
		catch (IOException ex) {
			close(response.body());
			throw new UncheckedIOException("a damaged gzip answer from Bungie.net", ex);
		}
	}

	private static void close(InputStream in) {
		try {
			in.close();
		}
		catch (IOException ignored) {
			// nothing more to read from it
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
	}

}
