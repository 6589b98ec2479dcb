package dev.tower.destiny.notice;

import java.util.Optional;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.springframework.http.HttpStatus;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

import dev.tower.jobs.Notifications;

/** The players' side of Xûr's notice: their choice, the confirmation of their address, unsubscribing. */
@Service
class XurNotice {

	private final Subscriptions subscriptions;

	private final XurMail mail;

	private final Notifications notifications;

	XurNotice(Subscriptions subscriptions, XurMail mail, Notifications notifications) {
		this.subscriptions = subscriptions;
		this.mail = mail;
		this.notifications = notifications;
	}

	NotificationSettings settings(long accountId) {
		return view(subscriptions.find(accountId));
	}

	NotificationSettings change(long accountId, NotificationSettings.Change change) {
		String email = address(change.email());
		boolean byEmail = Boolean.TRUE.equals(change.xur());
		boolean inSlack = Boolean.TRUE.equals(change.slack());
		if (byEmail && email == null) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"xur: Xûr by e-mail needs an address: give \"email\" as well");
		}
		if (email != null && !mail.available()) {
			throw new ResponseStatusException(HttpStatus.CONFLICT,
					"E-mail is not set up on this Tower: its operator sets SPRING_MAIL_HOST and TOWER_MAIL_FROM");
		}
		if (inSlack && !subscriptions.find(accountId).xurInSlack() && !notifications.slackConfigured()) {
			throw new ResponseStatusException(HttpStatus.CONFLICT,
					"Slack is not set up on this Tower: its operator sets SLACK_WEBHOOK_URL");
		}
		Subscriptions.Saved saved = subscriptions.save(accountId, email, byEmail, inSlack);
		if (saved.confirmToken() != null) {
			try {
				mail.sendConfirmation(email, saved.confirmToken());
			}
			catch (MailException ex) {
				throw new ResponseStatusException(HttpStatus.BAD_GATEWAY, "The confirmation mail to %s could not be "
						+ "sent (%s); your choice is saved: save it again to send the link again".formatted(email,
								ex.getMostSpecificCause().getMessage()));
			}
		}
		return view(saved.subscription());
	}

	/** The address a confirmation link confirmed. */
	Optional<String> confirm(String token) {
		return subscriptions.confirm(token).map(account -> subscriptions.find(account).email());
	}

	boolean unsubscribe(String token) {
		return subscriptions.unsubscribe(token);
	}

	private NotificationSettings view(Subscription subscription) {
		return new NotificationSettings(subscription.email(), subscription.emailConfirmed(), subscription.xurByEmail(),
				subscription.xurInSlack(), mail.available(), notifications.slackConfigured());
	}

	/** A bare address (no display name), or null for none. */
	static String address(String email) {
		if (email == null || email.isBlank()) {
			return null;
		}
		String trimmed = email.trim();
		try {
			InternetAddress parsed = new InternetAddress(trimmed, true);
			parsed.validate();
			if (!parsed.getAddress().equals(trimmed) || !trimmed.contains("@") || trimmed.length() > 254) {
				throw new AddressException("not a bare address");
			}
			return trimmed;
		}
		catch (AddressException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"email: \"%s\" is not an e-mail address (like name@example.com)".formatted(
							trimmed.length() > 80 ? trimmed.substring(0, 80) + "…" : trimmed));
		}
	}

}
