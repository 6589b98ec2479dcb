package dev.tower.destiny.bungie;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.tower.destiny.bungie.BungieException.Kind;

/**
 * Bungie.net's API over HTTP: {@code X-API-Key} and a User-Agent on every request, gzip, timeouts, and the
 * {@code Response}/{@code ErrorCode} envelope read on every Platform call (success is ErrorCode 1). Every failure
 * becomes a {@link BungieException} whose kind says what to tell the player.
 *
 * <p>Manners: the whole process keeps under {@code tower.bungie.max-requests-per-second}; a throttled call waits
 * what Bungie asks ({@code ThrottleSeconds}, else a doubling backoff, never more than
 * {@code tower.bungie.max-backoff}) and is tried again, up to {@code tower.bungie.attempts} times. Reads are also
 * tried again after a dropped connection or a 5xx; posts are tried again only when throttled, because Bungie
 * refused those before doing anything. A player's {@link #action actions} are spaced as Bungie asks.
 */
@Component
public class BungieClient {

	static final String USER_AGENT = "Tower/1.0 (Destiny board; +https://github.com/tower)";

	/** Throttles on this IP or application as a whole: every request holds off, not only the one refused. */
	static final Set<Integer> IP_THROTTLES = Set.of(31, 35, 36, 37, 51, 54, 55, 56);

	/** Throttles on one player: {@code PerUserThrottleExceeded}, {@code DestinyThrottledByGameServer}. */
	static final Set<Integer> PLAYER_THROTTLES = Set.of(57, 1672);

	private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

	private static final Logger log = LoggerFactory.getLogger(BungieClient.class);

	/** How the client waits; tests pass one that records instead. */
	@FunctionalInterface
	interface Pause {

		Pause SLEEP = duration -> {
			try {
				TimeUnit.NANOSECONDS.sleep(duration.toNanos());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new BungieException(Kind.UNAVAILABLE, "interrupted while waiting to call Bungie.net", ex);
			}
		};

		void sleep(Duration duration);

	}

	private final BungieProperties properties;

	private final JsonMapper json;

	private final HttpClient http;

	private final Pause pause;

	private final RequestRate rate;

	private final ActionSpacing spacing;

	@Autowired
	BungieClient(BungieProperties properties, JsonMapper json) {
		this(properties, json, Pause.SLEEP);
	}

	/** {@code pause} does every wait: for the next turn to call, before trying again, between a player's actions. */
	BungieClient(BungieProperties properties, JsonMapper json, Pause pause) {
		this.properties = properties;
		this.json = json;
		this.pause = pause;
		this.rate = new RequestRate(properties.maxRequestsPerSecond());
		this.spacing = new ActionSpacing(properties.actionSpacing(), pause);
		this.http = HttpClient.newBuilder()
			.connectTimeout(properties.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	public BungieProperties properties() {
		return properties;
	}

	/**
	 * GET {@code /Platform + path} (see {@link BungieEndpoints}); returns the envelope's {@code Response}.
	 * {@code accessToken} may be null.
	 */
	public JsonNode get(String path, String accessToken) {
		return call(() -> request(path, accessToken).GET(), path, true);
	}

	/** POST {@code body} as JSON to {@code /Platform + path}; returns the envelope's {@code Response}. */
	public JsonNode post(String path, Object body, String accessToken) {
		String content = json.writeValueAsString(body);
		return call(() -> request(path, accessToken).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(content)), path, false);
	}

	/**
	 * An action on a player's items (transfer, equip, pull from the postmaster, lock): a {@link #post} that waits
	 * its turn behind the same player's earlier actions and starts at least {@code tower.bungie.action-spacing}
	 * after the last one ended, as Bungie asks. {@code player} is whatever names the player steadily, e.g. the
	 * Destiny membership id.
	 */
	public JsonNode action(String path, Object body, String accessToken, String player) {
		if (player == null || player.isBlank()) {
			throw new IllegalArgumentException("an action needs the player it acts for");
		}
		return spacing.run(player, () -> post(path, body, accessToken));
	}

	/**
	 * A file under Bungie.net that is not a Platform call (the manifest's tables, icons), streamed and gunzipped.
	 * The caller closes it.
	 */
	public InputStream content(String path) {
		HttpRequest request = base(properties.baseUrl().resolve(path)).timeout(properties.readTimeout().multipliedBy(10))
			.GET()
			.build();
		paced();
		HttpResponse<InputStream> response = send(request, path);
		if (response.statusCode() != 200) {
			close(response.body());
			throw new BungieException(response.statusCode() == 503 ? Kind.MAINTENANCE : Kind.UNAVAILABLE,
					"Bungie.net answered " + response.statusCode() + " for " + path, null);
		}
		try {
			return body(response);
		}
		catch (IOException ex) {
			throw brokenOff(ex, path);
		}
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
		HttpRequest request = base(properties.baseUrl().resolve(BungieEndpoints.TOKEN))
			.header("Authorization", "Basic " + credentials)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		paced();
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
			.resolve(BungieEndpoints.AUTHORIZE + "?client_id=" + encode(properties.clientId()) + "&response_type=code&state="
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

	/** A Platform call, paced, and tried again while Bungie throttles it (or, for reads, while it is unreachable). */
	private JsonNode call(Supplier<HttpRequest.Builder> request, String path, boolean read) {
		for (int attempt = 1;; attempt++) {
			paced();
			try {
				return platform(request.get().build(), path);
			}
			catch (BungieException ex) {
				// A throttle on the IP or the application applies to every request from here, retried or not.
				boolean everyone = ex.kind() == Kind.THROTTLED && !PLAYER_THROTTLES.contains(ex.errorCode());
				if (everyone) {
					rate.holdOff(ex.retryAfter());
				}
				Duration wait = retryAfter(ex, attempt, read);
				if (wait == null) {
					throw finalAnswer(ex, attempt);
				}
				log.info("Bungie.net {} for {} (attempt {}): trying again in {} ms", ex.kind(), path, attempt,
						wait.toMillis());
				if (everyone) {
					rate.holdOff(wait); // the next turn to call comes after the wait
				}
				else {
					pause.sleep(wait);
				}
			}
		}
	}

	/** How long to wait before trying {@code failed} again, or null to give up. */
	private Duration retryAfter(BungieException failed, int attempt, boolean read) {
		if (attempt >= properties.attempts()) {
			return null;
		}
		Duration doubling = min(FIRST_BACKOFF.multipliedBy(1L << Math.min(attempt - 1, 16)), properties.maxBackoff());
		return switch (failed.kind()) {
			// Asked to wait longer than we would: say so now rather than hold the player's page.
			case THROTTLED -> failed.retryAfter().compareTo(properties.maxBackoff()) > 0 ? null
					: max(failed.retryAfter(), doubling);
			case UNAVAILABLE -> read && transientFailure(failed) ? doubling : null;
			default -> null;
		};
	}

	/** A dropped connection or a 5xx may pass; a timeout has already cost the player its wait, and bad JSON stays bad. */
	private static boolean transientFailure(BungieException failed) {
		return !(failed.getCause() instanceof HttpTimeoutException) && !(failed.getCause() instanceof JacksonException);
	}

	/** The failure to report after {@code attempts}: a throttle always says when to come back. */
	private BungieException finalAnswer(BungieException failed, int attempts) {
		if (failed.kind() != Kind.THROTTLED || !failed.retryAfter().isZero()) {
			return failed;
		}
		Duration later = max(rate.backlog(), min(FIRST_BACKOFF.multipliedBy(1L << Math.min(attempts, 16)),
				properties.maxBackoff()));
		return new BungieException(Kind.THROTTLED, failed.errorCode(), failed.errorStatus(), failed.getMessage(),
				later, failed);
	}

	/** Waits for this process's next turn to call Bungie, within {@code max-backoff}. */
	private void paced() {
		Duration wait = rate.reserve(properties.maxBackoff());
		if (wait == null) {
			throw new BungieException(Kind.THROTTLED, 0, null,
					"Tower is already sending Bungie.net as many requests as Bungie allows", rate.backlog(), null);
		}
		if (!wait.isZero()) {
			pause.sleep(wait);
		}
	}

	private JsonNode platform(HttpRequest request, String path) {
		HttpResponse<InputStream> response = send(request, path);
		return Envelope.open(parse(response, path), response.statusCode(), retryAfterHeader(response));
	}

	static Kind kindOf(int code, int httpStatus, Duration throttle) {
		if (code == BungieException.SYSTEM_DISABLED) {
			return Kind.MAINTENANCE;
		}
		if (code == BungieException.WEB_AUTH_REQUIRED || code == BungieException.ACCESS_TOKEN_HAS_EXPIRED
				|| httpStatus == 401) {
			return Kind.UNAUTHORIZED;
		}
		if (!throttle.isZero() || IP_THROTTLES.contains(code) || PLAYER_THROTTLES.contains(code) || httpStatus == 429) {
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
			if (!type.contains("json") && response.statusCode() == 429) {
				throw new BungieException(Kind.THROTTLED, 0, null, "Bungie.net asked Tower to slow down",
						retryAfterHeader(response), null);
			}
			if (!type.contains("json") && response.statusCode() == 401) {
				throw new BungieException(Kind.UNAUTHORIZED, "Bungie.net did not accept the player's login for " + what,
						null);
			}
			if (!type.contains("json")) {
				throw new BungieException(response.statusCode() == 503 ? Kind.MAINTENANCE : Kind.UNAVAILABLE,
						"Bungie.net answered " + response.statusCode() + " with " + (type.isEmpty() ? "no content type" : type)
								+ " instead of JSON for " + what,
						null);
			}
			return json.readTree(body);
		}
		catch (JacksonIOException ex) {
			throw brokenOff(ex.getCause(), what);
		}
		catch (JacksonException ex) {
			throw new BungieException(Kind.UNAVAILABLE, "Bungie.net sent JSON Tower cannot read for " + what, ex);
		}
		catch (IOException ex) {
			throw brokenOff(ex, what);
		}
	}

	/** A body that stopped coming: dropped (worth another try for a read) or stalled (its wait is already spent). */
	private static BungieException brokenOff(Throwable cause, String what) {
		String message = cause instanceof HttpTimeoutException ? "Bungie.net stopped sending its answer for "
				: "the answer from Bungie.net broke off for ";
		return new BungieException(Kind.UNAVAILABLE, message + what, cause);
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

	/** HTTP's {@code Retry-After} in seconds, or zero (dates and nonsense are ignored: the envelope is Bungie's word). */
	private static Duration retryAfterHeader(HttpResponse<?> response) {
		return response.headers()
			.firstValue("Retry-After")
			.filter(value -> value.matches("[0-9]{1,6}"))
			.map(value -> Duration.ofSeconds(Long.parseLong(value)))
			.orElse(Duration.ZERO);
	}

	private static Duration max(Duration a, Duration b) {
		return a.compareTo(b) >= 0 ? a : b;
	}

	private static Duration min(Duration a, Duration b) {
		return a.compareTo(b) <= 0 ? a : b;
	}

	/** The body, gunzipped, failing rather than waiting for ever if Bungie stops sending it. */
	private InputStream body(HttpResponse<InputStream> response) throws IOException {
		boolean gzip = response.headers().firstValue("Content-Encoding").map("gzip"::equalsIgnoreCase).orElse(false);
		InputStream body = new StallGuard(response.body(), properties.readTimeout());
		try {
			return gzip ? new GZIPInputStream(body, 1 << 16) : body;
		}
		catch (IOException ex) {
			close(body);
			throw ex;
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
