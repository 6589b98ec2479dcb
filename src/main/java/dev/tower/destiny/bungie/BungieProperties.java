package dev.tower.destiny.bungie;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.util.StringUtils;

/**
 * {@code tower.bungie.*}, fed by {@code BUNGIE_API_KEY}, {@code BUNGIE_CLIENT_ID}, {@code BUNGIE_CLIENT_SECRET} and
 * {@code BUNGIE_BASE_URL}. Without an API key the Destiny board runs on its demo data.
 *
 * @param baseUrl Bungie.net, or a stub in tests
 * @param apiKey sent as {@code X-API-Key} on every request
 * @param clientId the OAuth client id of the Bungie application (confidential client)
 * @param clientSecret its secret
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for an answer (manifest downloads read for longer: they stream)
 * @param maxRequestsPerSecond the most requests this process sends Bungie per second. Bungie blocks a source IP
 * whose requests average more than 25 per second over a rolling 10-second window (Bungie-net/api issues 26 and
 * 218); 20 leaves room for bursts (one second's worth may go at once) and for the token endpoint. Processes
 * sharing one IP should share the figure.
 * @param actionSpacing the least time between the end of one of a player's actions (transfer, equip, pull, lock)
 * and the start of the next: the spec's {@code ThrottleSecondsBetweenActionPerUser} for item actions is 0.1 s
 * @param attempts how many times a call is tried when Bungie throttles it (or, for reads, when it fails on the way)
 * @param maxBackoff the longest Tower waits before trying again; when Bungie asks for longer, Tower gives up at
 * once and says when to retry
 */
@ConfigurationProperties("tower.bungie")
public record BungieProperties(URI baseUrl, String apiKey, String clientId, String clientSecret,
		Duration connectTimeout, Duration readTimeout, Double maxRequestsPerSecond, Duration actionSpacing,
		Integer attempts, Duration maxBackoff) {

	@ConstructorBinding
	public BungieProperties {
		baseUrl = baseUrl == null ? URI.create("https://www.bungie.net") : withoutTrailingSlash(baseUrl);
		connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
		readTimeout = readTimeout == null ? Duration.ofSeconds(30) : readTimeout;
		maxRequestsPerSecond = maxRequestsPerSecond == null ? 20.0 : maxRequestsPerSecond;
		actionSpacing = actionSpacing == null ? Duration.ofMillis(100) : actionSpacing;
		attempts = attempts == null ? 3 : attempts;
		maxBackoff = maxBackoff == null ? Duration.ofSeconds(5) : maxBackoff;
		if (!(maxRequestsPerSecond > 0)) {
			throw new IllegalArgumentException("tower.bungie.max-requests-per-second must be above 0");
		}
		if (attempts < 1) {
			throw new IllegalArgumentException("tower.bungie.attempts must be at least 1");
		}
		if (actionSpacing.isNegative() || maxBackoff.isNegative()) {
			throw new IllegalArgumentException("tower.bungie.action-spacing and max-backoff cannot be negative");
		}
	}

	/** The settings that name Bungie and the application; pacing and retries at their defaults. */
	public BungieProperties(URI baseUrl, String apiKey, String clientId, String clientSecret, Duration connectTimeout,
			Duration readTimeout) {
		this(baseUrl, apiKey, clientId, clientSecret, connectTimeout, readTimeout, null, null, null, null);
	}

	/** An API key, a client id and a secret: enough to log players in. */
	public boolean configured() {
		return StringUtils.hasText(apiKey) && StringUtils.hasText(clientId) && StringUtils.hasText(clientSecret);
	}

	private static URI withoutTrailingSlash(URI uri) {
		String text = uri.toString();
		return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
	}

}
