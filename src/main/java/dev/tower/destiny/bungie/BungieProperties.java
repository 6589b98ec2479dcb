package dev.tower.destiny.bungie;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
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
 */
@ConfigurationProperties("tower.bungie")
public record BungieProperties(URI baseUrl, String apiKey, String clientId, String clientSecret,
		Duration connectTimeout, Duration readTimeout) {

	public BungieProperties {
		baseUrl = baseUrl == null ? URI.create("https://www.bungie.net") : withoutTrailingSlash(baseUrl);
		connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
		readTimeout = readTimeout == null ? Duration.ofSeconds(30) : readTimeout;
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
