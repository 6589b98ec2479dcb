package dev.tower.destiny.notice;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.tower.destiny.bungie.WeeklyReset;
import dev.tower.destiny.inventory.XurVisit;
import dev.tower.destiny.inventory.XurWares;
import dev.tower.jobs.Notifications;
import dev.tower.jobs.TaskContext;
import dev.tower.jobs.TowerTask;

/**
 * Xûr's weekly notice, checked hourly ({@code tower.jobs.recurring.xur-notice}): while he is here (Friday 17:00 to
 * Tuesday 17:00 UTC), each player who opted in gets his wares by mail once per visit, and the Slack channel gets a
 * summary once per visit. "Once" holds however many workers run the task: each send is claimed by inserting its
 * record first ({@link XurSends}). A mail the SMTP server refused is retried (the job fails and JobRunr tries again,
 * and so does the next hourly check); a worker that dies between the claim and the end of the SMTP exchange leaves
 * its mail "sending" and it is not sent again: a missed notice is better than a double one.
 */
@Component
class XurNoticeTask implements TowerTask {

	static final String NAME = "xur-notice";

	private final Subscriptions subscriptions;

	private final XurSends sends;

	private final XurMail mail;

	private final XurWares xur;

	private final Notifications notifications;

	private final TransactionTemplate transaction;

	private final Clock clock;

	XurNoticeTask(Subscriptions subscriptions, XurSends sends, XurMail mail, XurWares xur, Notifications notifications,
			TransactionTemplate transaction, ObjectProvider<Clock> clock) {
		this.subscriptions = subscriptions;
		this.sends = sends;
		this.mail = mail;
		this.xur = xur;
		this.notifications = notifications;
		this.transaction = transaction;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public String title() {
		return "Tell players Xûr has arrived";
	}

	@Override
	public String run(TaskContext context) {
		Instant now = clock.instant();
		Optional<LocalDate> here = WeeklyReset.visitAt(now);
		if (here.isEmpty()) {
			return "Xûr is not here; he arrives " + WeeklyReset.nextArrival(now) + ".";
		}
		LocalDate visit = here.get();
		List<Subscription> recipients = mail.available() ? subscriptions.byEmail() : List.of();
		boolean slack = notifications.slackConfigured() && subscriptions.anyInSlack();
		if (recipients.isEmpty() && !slack) {
			return "Xûr is here; no one asked to be told.";
		}
		Optional<XurVisit> wares = wares(recipients);
		if (wares.isEmpty()) {
			return "Bungie.net does not show Xûr yet; the next check asks again.";
		}
		int mailed = 0;
		List<String> failures = new ArrayList<>();
		for (Subscription recipient : recipients) {
			if (mailTo(recipient, wares.get(), visit, failures)) {
				mailed++;
			}
			context.progress(mailed + failures.size(), recipients.size());
		}
		boolean posted = slack && postToSlack(wares.get(), visit);
		String summary = "Xûr's visit of %s: %d mail%s sent%s.".formatted(visit, mailed, mailed == 1 ? "" : "s",
				posted ? ", summary posted to Slack" : "");
		if (!failures.isEmpty()) {
			// Retried with backoff; each retry (and the next hourly check) mails only those not sent yet.
			throw new IllegalStateException(summary + " Not sent: " + String.join("; ", failures));
		}
		return summary;
	}

	/** His wares, asked of Bungie.net with an opted-in player's login (any will do: they are the same for all). */
	private Optional<XurVisit> wares(List<Subscription> recipients) {
		Set<Long> accounts = new LinkedHashSet<>();
		recipients.forEach(recipient -> accounts.add(recipient.accountId()));
		accounts.addAll(subscriptions.inSlack());
		for (long account : accounts) {
			Optional<XurVisit> visit = xur.visit(account);
			if (visit.isPresent()) {
				return visit.filter(XurVisit::present);
			}
		}
		return Optional.empty();
	}

	private boolean mailTo(Subscription recipient, XurVisit wares, LocalDate visit, List<String> failures) {
		long account = recipient.accountId();
		if (!sends.claim(account, visit, recipient.email(), wares.sales().size(), clock.instant())
				&& !sends.reclaim(account, visit, recipient.email())) {
			return false;
		}
		try {
			mail.sendXur(recipient, wares, visit);
			sends.sent(account, visit, clock.instant());
			return true;
		}
		catch (MailException ex) {
			String reason = ex.getMostSpecificCause().getMessage();
			sends.failed(account, visit, reason == null ? ex.toString() : reason);
			failures.add(recipient.email() + ": " + reason);
			return false;
		}
	}

	/** The claim and the notification that carries the summary commit together, or neither does. */
	private boolean postToSlack(XurVisit wares, LocalDate visit) {
		try {
			transaction.executeWithoutResult(status -> {
				sends.claimSlack(visit, clock.instant());
				notifications.send("destiny", XurMail.summary(wares));
			});
			return true;
		}
		catch (DuplicateKeyException posted) {
			return false;
		}
	}

}
