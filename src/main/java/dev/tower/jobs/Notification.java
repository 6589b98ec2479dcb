package dev.tower.jobs;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** Something worth telling people, kept whether or not it reached Slack. */
@Entity
class Notification {

	static final int MESSAGE_LENGTH = 4000;

	private static final int ERROR_LENGTH = 1000;

	enum Delivery {

		/** No webhook is configured: the admin page is where it is read. */
		RECORDED,
		PENDING, SENT, FAILED

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String source;

	private String message;

	private Instant createdAt;

	@Enumerated(EnumType.STRING)
	private Delivery delivery;

	private int attempts;

	private Instant deliveredAt;

	private String lastError;

	protected Notification() {
	}

	Notification(String source, String message, boolean webhookConfigured) {
		this.source = source;
		this.message = message.length() > MESSAGE_LENGTH ? message.substring(0, MESSAGE_LENGTH - 1) + "…" : message;
		this.createdAt = Instant.now();
		this.delivery = webhookConfigured ? Delivery.PENDING : Delivery.RECORDED;
	}

	void delivered() {
		attempts++;
		delivery = Delivery.SENT;
		deliveredAt = Instant.now();
		lastError = null;
	}

	void failed(String error) {
		attempts++;
		delivery = Delivery.FAILED;
		lastError = error.length() > ERROR_LENGTH ? error.substring(0, ERROR_LENGTH - 1) + "…" : error;
	}

	NotificationView view() {
		return new NotificationView(id, source, message, createdAt, delivery.name(), attempts, deliveredAt, lastError);
	}

	Long getId() {
		return id;
	}

	String getMessage() {
		return message;
	}

	Delivery getDelivery() {
		return delivery;
	}

}
