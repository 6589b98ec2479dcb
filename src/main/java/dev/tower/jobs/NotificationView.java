package dev.tower.jobs;

import java.time.Instant;

/** A notification as the admin page and the API show it. */
public record NotificationView(long id, String source, String message, Instant createdAt, String delivery,
		int attempts, Instant deliveredAt, String lastError) {
}
