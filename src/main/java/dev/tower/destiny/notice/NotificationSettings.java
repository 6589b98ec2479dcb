package dev.tower.destiny.notice;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A player's notifications as the API shows them.
 *
 * @param emailAvailable whether this Tower can send mail at all
 * @param slackAvailable whether this Tower posts to a Slack channel
 */
record NotificationSettings(String email, boolean emailConfirmed,
		@Schema(description = "Xûr's wares by e-mail when he arrives, once the address is confirmed") boolean xur,
		@Schema(description = "Xûr's arrival announced in the Slack channel") boolean slack, boolean emailAvailable,
		boolean slackAvailable) {

	/** What a client sends: {@code {"email": "…", "xur": true, "slack": false}}; a missing switch is off. */
	record Change(String email, Boolean xur, Boolean slack) {
	}

}
