package dev.tower.destiny.notice;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.util.UriComponentsBuilder;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import dev.tower.destiny.inventory.XurVisit;

/**
 * Tower's mail, over SMTP as Spring Boot sets it up from {@code spring.mail.*} ({@code SPRING_MAIL_HOST} and the
 * rest), from {@code TOWER_MAIL_FROM}; without both, Tower sends no mail and the notice's settings say so. Links in a
 * mail point at {@code TOWER_PUBLIC_URL}, the address people reach Tower at.
 */
@Component
class XurMail {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM, HH:mm 'UTC'", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private final JavaMailSender sender;

	private final String from;

	private final String publicUrl;

	private final ITemplateEngine templates;

	XurMail(ObjectProvider<JavaMailSender> sender, @Value("${tower.mail.from:}") String from,
			@Value("${tower.public-url:http://localhost:8080}") String publicUrl, ITemplateEngine templates) {
		this.sender = sender.getIfAvailable();
		this.from = from.trim();
		this.publicUrl = publicUrl.replaceAll("/+$", "");
		this.templates = templates;
	}

	/** Whether mail can be sent: an SMTP server and a sender address are configured. */
	boolean available() {
		return sender != null && StringUtils.hasText(from);
	}

	/** The link that confirms {@code to}, in a plain-text mail. */
	void sendConfirmation(String to, String token) {
		String link = link("/xur/confirm", token);
		send(to, "Confirm your address for Xûr's weekly notice", """
				Someone, probably you, asked Tower to mail Xûr's inventory to this address when he arrives each Friday.

				Confirm the address by opening this link (it works for %d days):

				%s

				If it was not you, ignore this mail: nothing is sent to an address that is not confirmed.
				""".formatted(Subscriptions.CONFIRM_FOR.toDays(), link), null, null);
	}

	/** Xûr's wares for one player: HTML with a plain-text part, and the player's unsubscribe link in both. */
	void sendXur(Subscription subscription, XurVisit xur, LocalDate visit) {
		String unsubscribe = link("/xur/unsubscribe", subscription.unsubscribeToken());
		send(subscription.email(), subject(xur), text(xur, unsubscribe), html(xur, visit, unsubscribe), unsubscribe);
	}

	static String subject(XurVisit xur) {
		return "%s is here: %d item%s until %s".formatted(xur.name(), xur.sales().size(),
				xur.sales().size() == 1 ? "" : "s", leaves(xur));
	}

	String html(XurVisit xur, LocalDate visit, String unsubscribe) {
		Context context = new Context(Locale.ENGLISH);
		context.setVariable("xur", xur);
		context.setVariable("visit", visit);
		context.setVariable("leaves", leaves(xur));
		context.setVariable("sales", xur.sales().stream().map(sale -> new Line(sale, icon(sale.item().icon()), costs(sale.costs()))).toList());
		context.setVariable("board", publicUrl + "/destiny/xur");
		context.setVariable("unsubscribe", unsubscribe);
		return templates.process("mail/xur", context);
	}

	String text(XurVisit xur, String unsubscribe) {
		StringBuilder text = new StringBuilder();
		text.append(xur.name()).append(", ").append(xur.subtitle()).append(", is here until ").append(leaves(xur))
			.append('.').append(where(xur)).append("\n\n");
		for (XurVisit.Sale sale : xur.sales()) {
			text.append("- ").append(sale.item().name()).append(": ").append(sale.item().tierLabel()).append(' ')
				.append(sale.item().type()).append(", ").append(costs(sale.costs())).append('\n');
		}
		text.append("\nSee him on the board: ").append(publicUrl).append("/destiny/xur\n\n")
			.append("You get this mail because you asked for Xûr's weekly notice on Tower. Stop it: ")
			.append(unsubscribe).append('\n');
		return text.toString();
	}

	/** Slack's summary: one line a sale. */
	static String summary(XurVisit xur) {
		return "%s is here until %s.%s\n%s".formatted(xur.name(), leaves(xur), where(xur), xur.sales().stream()
			.map(sale -> "• %s (%s %s): %s".formatted(sale.item().name(), sale.item().tierLabel(), sale.item().type(),
					costs(sale.costs())))
			.collect(Collectors.joining("\n")));
	}

	static String costs(List<XurVisit.Cost> costs) {
		return costs.isEmpty() ? "free"
				: costs.stream().map(cost -> cost.quantity() + " " + cost.name()).collect(Collectors.joining(" + "));
	}

	/** " He is at The Tower, The Last City." or nothing, when where he is is not known. */
	private static String where(XurVisit xur) {
		return xur.location() == null ? "" : " He is at " + xur.location().label() + ".";
	}

	private static String leaves(XurVisit xur) {
		return xur.leaves() == null ? "the Tuesday reset" : WHEN.format(xur.leaves());
	}

	/** Bungie.net's icons are absolute; the demo's are Tower's own, under its public address. */
	private String icon(String path) {
		if (!StringUtils.hasText(path)) {
			return null;
		}
		return path.startsWith("https://") || path.startsWith("http://") ? path : publicUrl + path;
	}

	private String link(String path, String token) {
		return UriComponentsBuilder.fromUriString(publicUrl + path).queryParam("token", token).build().toUriString();
	}

	private void send(String to, String subject, String text, String html, String unsubscribe) {
		if (!available()) {
			throw new MailUnavailableException();
		}
		try {
			MimeMessage message = sender.createMimeMessage();
			MimeMessageHelper mail = new MimeMessageHelper(message, html != null, "UTF-8");
			mail.setFrom(from);
			mail.setTo(to);
			mail.setSubject(subject);
			if (html != null) {
				mail.setText(text, html);
			}
			else {
				mail.setText(text);
			}
			if (unsubscribe != null) {
				// RFC 2369 and RFC 8058: mail clients offer their own unsubscribe button, a POST to the link.
				message.setHeader("List-Unsubscribe", "<" + unsubscribe + ">");
				message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
			}
			sender.send(message);
		}
		catch (MessagingException ex) {
			throw new MailPreparationException(ex);
		}
	}

	/** A sale as the mail lists it, with its icon's absolute address and its costs in words. */
	public record Line(XurVisit.Sale sale, String icon, String costs) {
	}

	/** Mail is not set up (no SMTP server or no sender address). */
	static class MailUnavailableException extends RuntimeException {

		MailUnavailableException() {
			super("e-mail is not set up on this Tower (SPRING_MAIL_HOST and TOWER_MAIL_FROM)");
		}

	}

	/** The message could not be put together (an address Jakarta Mail refuses): not worth a retry. */
	static class MailPreparationException extends MailException {

		MailPreparationException(MessagingException cause) {
			super("could not write the mail: " + cause.getMessage(), cause);
		}

	}

}
