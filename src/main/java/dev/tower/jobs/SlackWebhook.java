package dev.tower.jobs;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/** A Slack incoming webhook ({@code SLACK_WEBHOOK_URL}); without one, notifications are only recorded. */
@Component
class SlackWebhook {

	private final String url;

	private final RestClient http;

	SlackWebhook(@Value("${tower.slack.webhook-url:}") String url,
			@Value("${tower.slack.timeout:10s}") Duration timeout) {
		this.url = url.trim();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(timeout).build());
		requests.setReadTimeout(timeout);
		this.http = RestClient.builder().requestFactory(requests).build();
	}

	boolean configured() {
		return StringUtils.hasText(url);
	}

	/** Posts {@code message} as the text of a Slack message; throws when Slack did not take it. */
	void post(String message) {
		try {
			http.post()
				.uri(url)
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("text", escape(message)))
				.retrieve()
				.onStatus(HttpStatusCode::isError, (request, response) -> {
					String answer = "Slack answered %d: %s".formatted(response.getStatusCode().value(),
							new String(response.getBody().readNBytes(200)).trim());
					if (response.getStatusCode().is4xxClientError() && response.getStatusCode().value() != 429) {
						throw new PermanentFailure(answer + " (check SLACK_WEBHOOK_URL)");
					}
					throw new IllegalStateException(answer);
				})
				.toBodilessEntity();
		}
		catch (ResourceAccessException unreachable) {
			throw new IllegalStateException("Slack did not answer: " + unreachable.getMostSpecificCause().getMessage(),
					unreachable);
		}
	}

	/** Slack reads &, < and > as markup (links, mentions); a message is plain text. */
	static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

}
