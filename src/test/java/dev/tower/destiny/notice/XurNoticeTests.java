package dev.tower.destiny.notice;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import dev.tower.TestClock;
import dev.tower.TowerTest;
import dev.tower.account.AccountService;
import dev.tower.destiny.inventory.BundledDefinitions;
import dev.tower.destiny.inventory.XurVisit;
import dev.tower.destiny.manifest.Definitions;
import dev.tower.jobs.Notifications;
import dev.tower.jobs.TaskContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Xûr's weekly notice in demo mode (the simulated Bungie.net keeps the real week by the {@link TestClock}), mailed
 * through a real SMTP server in-process (GreenMail): the opt-in and its confirmation link, one mail per player per
 * visit even with two workers racing, the mail's HTML and text, unsubscribing signed out, and the week's edges.
 */
@TowerTest
@Import(XurNoticeTests.DemoManifest.class)
class XurNoticeTests {

	/** On a port of its own, kept when a test stops and starts it again. */
	static final GreenMail SMTP = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	static {
		SMTP.start();
	}

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
		registry.add("tower.mail.from", () -> "Tower <tower@example.com>");
		registry.add("tower.public-url", () -> "https://tower.example.com/");
		// recorded only: no worker runs in these tests to deliver it
		registry.add("tower.slack.webhook-url", () -> "http://127.0.0.1:9/slack");
	}

	/** Names and icons from the bundled demo manifest, without installing it. */
	@TestConfiguration(proxyBeanMethods = false)
	static class DemoManifest {

		@Bean
		@Primary
		Definitions bundledDefinitions() {
			return new BundledDefinitions();
		}

	}

	static final TaskContext NO_ONE_WATCHES = new TaskContext() {
		@Override
		public UUID jobId() {
			return UUID.randomUUID();
		}

		@Override
		public void progress(long done, long total) {
		}
	};

	static final List<String> WARES = List.of("Eventide Harbinger", "Helm of the Unbroken Dawn", "Gunslinger's Grips",
			"Robes of the Last Star", "Quiet Bastion");

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	XurNoticeTask task;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient db;

	@Autowired
	Notifications notifications;

	@Autowired
	XurMail mail;

	@BeforeEach
	void freshMailbox() throws Exception {
		SMTP.purgeEmailFromAllMailboxes();
		db.sql("delete from xur_slack_post").update();
	}

	@AfterEach
	void backToSaturday() {
		clock.reset();
	}

	@Test
	void aPlayerOptsInThroughTheApiAndConfirmsTheAddressWithTheMailedLinkSignedOut() throws Exception {
		accounts.create("ana", "ana-kettle-harbour", false);
		mvc.perform(get("/api/v1/account/notifications").with(user("ana")))
			.andExpect(status().isOk())
			.andExpect(content().json("""
					{"email": null, "emailConfirmed": false, "xur": false, "slack": false,
					 "emailAvailable": true, "slackAvailable": true}"""));

		mvc.perform(put("/api/v1/account/notifications").with(user("ana")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\": \"ana@example.com\", \"xur\": true}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.email").value("ana@example.com"))
			.andExpect(jsonPath("$.emailConfirmed").value(false))
			.andExpect(jsonPath("$.xur").value(true));

		MimeMessage confirmation = onlyMail();
		assertThat(confirmation.getAllRecipients()[0].toString()).isEqualTo("ana@example.com");
		assertThat(confirmation.getSubject()).isEqualTo("Confirm your address for Xûr's weekly notice");
		String link = link(text(confirmation), "/xur/confirm");

		// nothing goes to an address that is not confirmed
		assertThat(task.run(NO_ONE_WATCHES)).isEqualTo("Xûr is here; no one asked to be told.");

		mvc.perform(get(link)).andExpect(status().isOk())
			.andExpect(content().string(containsString("Your address ana@example.com is confirmed")));
		mvc.perform(get(link)).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/account/notifications").with(user("ana")))
			.andExpect(jsonPath("$.emailConfirmed").value(true));
	}

	@Test
	void aConfirmationLinkWorksForTwoDaysOnly() throws Exception {
		accounts.create("ana", "ana-kettle-harbour", false);
		putSettings("ana", "{\"email\": \"ana@example.com\", \"xur\": true}");
		String link = link(text(onlyMail()), "/xur/confirm");

		clock.set(TestClock.SATURDAY.plus(Subscriptions.CONFIRM_FOR).plusSeconds(1));
		mvc.perform(get(link)).andExpect(status().isNotFound())
			.andExpect(content().string(containsString("not valid, or has expired")));
	}

	@Test
	void badSettingsAreRefusedWithAProblemSayingWhy() throws Exception {
		accounts.create("ana", "ana-kettle-harbour", false);
		refused("{\"email\": \"not an address\", \"xur\": true}", 400,
				"email: \"not an address\" is not an e-mail address (like name@example.com)");
		refused("{\"email\": \"Ana <ana@example.com>\"}", 400,
				"email: \"Ana <ana@example.com>\" is not an e-mail address (like name@example.com)");
		refused("{\"email\": \"ana@\"}", 400, "email: \"ana@\" is not an e-mail address (like name@example.com)");
		refused("{\"xur\": true}", 400, "xur: Xûr by e-mail needs an address: give \"email\" as well");
		refused("{\"xur\": \"yes please\"}", 400, null);
		mvc.perform(get("/api/v1/account/notifications")).andExpect(status().isUnauthorized());
		assertThat(SMTP.getReceivedMessages()).isEmpty();
	}

	@Test
	void eachOptedInPlayerGetsOneMailPerVisitListingHisWaresInHtmlAndText() throws Exception {
		optIn("ana", "ana@example.com");
		optIn("ben", "ben@example.com");
		accounts.create("cal", "cal-kettle-harbour", false);
		putSettings("cal", "{\"email\": \"cal@example.com\", \"xur\": true}"); // never confirmed
		SMTP.purgeEmailFromAllMailboxes();

		assertThat(task.run(NO_ONE_WATCHES)).isEqualTo("Xûr's visit of 2026-11-27: 2 mails sent.");

		MimeMessage[] mails = SMTP.getReceivedMessages();
		assertThat(mails).extracting(mail -> mail.getAllRecipients()[0].toString())
			.containsExactlyInAnyOrder("ana@example.com", "ben@example.com");
		MimeMessage mail = mails[0];
		assertThat(mail.getFrom()[0].toString()).isEqualTo("Tower <tower@example.com>");
		assertThat(mail.getSubject()).isEqualTo("Xûr is here: 5 items until Tuesday 1 December, 17:00 UTC");
		String html = part(mail, "text/html");
		String text = part(mail, "text/plain");
		for (String item : WARES) {
			assertThat(text).contains("- " + item + ": ");
			assertThat(html).contains(org.springframework.web.util.HtmlUtils.htmlEscape(item));
		}
		assertThat(text).contains("- Eventide Harbinger: Exotic Fusion Rifle, 29 Legendary Shards")
			.contains("is here until Tuesday 1 December, 17:00 UTC. He is at The Tower, The Last City.");
		assertThat(html).contains("He is at").contains("<strong>The Tower, The Last City</strong>.");
		assertThat(html).contains("src=\"https://tower.example.com/assets/destiny/icons/")
			.contains("Exotic Fusion Rifle").contains("29 Legendary Shards").contains("Agent of the Nine")
			.contains("href=\"https://tower.example.com/destiny/xur\"");
		String unsubscribe = link(text, "/xur/unsubscribe");
		assertThat(html).contains("href=\"https://tower.example.com" + unsubscribe + "\"");
		assertThat(mail.getHeader("List-Unsubscribe")).containsExactly("<https://tower.example.com" + unsubscribe + ">");
		assertThat(mail.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");

		// the next hourly check of the same visit sends nothing
		assertThat(task.run(NO_ONE_WATCHES)).isEqualTo("Xûr's visit of 2026-11-27: 0 mails sent.");
		assertThat(SMTP.getReceivedMessages()).hasSize(2);
		assertThat(db.sql("select state from xur_mail where visit = date '2026-11-27'").query(String.class).list())
			.containsExactly("sent", "sent");

		// next week's visit is another
		clock.set(TestClock.SATURDAY.plus(java.time.Duration.ofDays(7)));
		assertThat(task.run(NO_ONE_WATCHES)).isEqualTo("Xûr's visit of 2026-12-04: 2 mails sent.");
		assertThat(SMTP.getReceivedMessages()).hasSize(4);
	}

	@Test
	void twoWorkersRacingSendEachPlayerOneMail() throws Exception {
		List<String> players = List.of("ana", "ben", "cal", "dan", "eve", "fay");
		for (String player : players) {
			optIn(player, player + "@example.com");
		}
		SMTP.purgeEmailFromAllMailboxes();

		ExecutorService workers = Executors.newFixedThreadPool(2);
		try {
			CountDownLatch go = new CountDownLatch(1);
			List<Future<String>> runs = new ArrayList<>();
			for (int worker = 0; worker < 2; worker++) {
				runs.add(workers.submit(() -> {
					go.await();
					return task.run(NO_ONE_WATCHES);
				}));
			}
			go.countDown();
			for (Future<String> run : runs) {
				run.get();
			}
		}
		finally {
			workers.shutdownNow();
		}

		assertThat(SMTP.getReceivedMessages()).extracting(mail -> mail.getAllRecipients()[0].toString())
			.containsExactlyInAnyOrderElementsOf(players.stream().map(player -> player + "@example.com").toList());
		assertThat(db.sql("select count(*) from xur_mail where state = 'sent'").query(Long.class).single())
			.isEqualTo(players.size());
	}

	@Test
	void theUnsubscribeLinkWorksSignedOutAndAMailClientsOneClickPostDoesToo() throws Exception {
		optIn("ana", "ana@example.com");
		optIn("ben", "ben@example.com");
		SMTP.purgeEmailFromAllMailboxes();
		task.run(NO_ONE_WATCHES);
		String anaLeaves = null;
		String benLeaves = null;
		for (MimeMessage mail : SMTP.getReceivedMessages()) {
			String link = link(part(mail, "text/plain"), "/xur/unsubscribe");
			if (mail.getAllRecipients()[0].toString().startsWith("ana")) {
				anaLeaves = link;
			}
			else {
				benLeaves = link;
			}
		}

		// opening the link (or a link scanner opening it) only asks
		mvc.perform(get(anaLeaves)).andExpect(status().isOk())
			.andExpect(content().string(containsString("Stop the mails with Xûr's inventory?")));
		// the page's button, signed out, with the page's CSRF token
		String token = anaLeaves.substring(anaLeaves.indexOf("token=") + 6);
		mvc.perform(post("/xur/unsubscribe").param("token", token).with(csrf()))
			.andExpect(status().isOk()).andExpect(content().string(containsString("You are unsubscribed")));
		// RFC 8058: the mail client posts to the List-Unsubscribe address, with no session and no CSRF token
		mvc.perform(post(benLeaves).contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content("List-Unsubscribe=One-Click"))
			.andExpect(status().isOk()).andExpect(content().string(containsString("You are unsubscribed")));
		mvc.perform(post("/xur/unsubscribe").param("token", "someone-elses-guess"))
			.andExpect(status().isNotFound()).andExpect(content().string(not(containsString("You are unsubscribed"))));

		mvc.perform(get("/api/v1/account/notifications").with(user("ana"))).andExpect(jsonPath("$.xur").value(false));
		clock.set(TestClock.SATURDAY.plus(java.time.Duration.ofDays(7)));
		assertThat(task.run(NO_ONE_WATCHES)).isEqualTo("Xûr is here; no one asked to be told.");
	}

	@Test
	void heIsLookedForFromTheFridayResetToTheTuesdayReset() throws Exception {
		optIn("ana", "ana@example.com");
		SMTP.purgeEmailFromAllMailboxes();

		clock.set(Instant.parse("2026-12-01T16:59:59Z"));
		assertThat(task.run(NO_ONE_WATCHES)).isEqualTo("Xûr's visit of 2026-11-27: 1 mail sent.");
		clock.set(Instant.parse("2026-12-01T17:00:00Z"));
		assertThat(task.run(NO_ONE_WATCHES)).isEqualTo("Xûr is not here; he arrives 2026-12-04T17:00:00Z.");
		clock.set(Instant.parse("2026-12-04T16:59:59Z"));
		assertThat(task.run(NO_ONE_WATCHES)).isEqualTo("Xûr is not here; he arrives 2026-12-04T17:00:00Z.");
		clock.set(Instant.parse("2026-12-04T17:00:00Z"));
		assertThat(task.run(NO_ONE_WATCHES)).isEqualTo("Xûr's visit of 2026-12-04: 1 mail sent.");
		assertThat(SMTP.getReceivedMessages()).extracting(MimeMessage::getSubject).containsExactly(
				"Xûr is here: 5 items until Tuesday 1 December, 17:00 UTC",
				"Xûr is here: 5 items until Tuesday 8 December, 17:00 UTC");
	}

	@Test
	void theSlackChannelGetsOneSummaryPerVisit() throws Exception {
		accounts.create("ana", "ana-kettle-harbour", false);
		putSettings("ana", "{\"slack\": true}");

		assertThat(task.run(NO_ONE_WATCHES)).isEqualTo("Xûr's visit of 2026-11-27: 0 mails sent, summary posted to Slack.");
		assertThat(task.run(NO_ONE_WATCHES)).isEqualTo("Xûr's visit of 2026-11-27: 0 mails sent.");

		assertThat(notifications.recent(10)).singleElement().satisfies(note -> {
			assertThat(note.source()).isEqualTo("destiny");
			assertThat(note.message())
				.startsWith("Xûr is here until Tuesday 1 December, 17:00 UTC. He is at The Tower, The Last City.\n")
				.contains("• Eventide Harbinger (Exotic Fusion Rifle): 29 Legendary Shards");
		});
	}

	/** Where Bungie or the manifest does not say where he is, the mail and Slack say nothing of it rather than guess. */
	@Test
	void whereHeIsIsLeftOutWhenItIsNotKnown() {
		XurVisit known = new XurVisit(true, "Xûr", "Agent of the Nine", null,
				new XurVisit.Location("Arcadian Valley", "Nessus"), List.of(), null, TestClock.SATURDAY);
		XurVisit unknown = new XurVisit(true, "Xûr", "Agent of the Nine", null, null, List.of(), null,
				TestClock.SATURDAY);
		java.time.LocalDate visit = java.time.LocalDate.of(2026, 11, 27);

		assertThat(XurMail.summary(known)).startsWith("Xûr is here until the Tuesday reset. He is at Arcadian Valley, Nessus.\n");
		assertThat(mail.text(known, "u")).contains("He is at Arcadian Valley, Nessus.");
		assertThat(mail.html(known, visit, "u")).contains("<strong>Arcadian Valley, Nessus</strong>");
		assertThat(XurMail.summary(unknown)).startsWith("Xûr is here until the Tuesday reset.\n").doesNotContain("He is at");
		assertThat(mail.text(unknown, "u")).contains("is here until the Tuesday reset.\n\n").doesNotContain("He is at");
		assertThat(mail.html(unknown, visit, "u")).doesNotContain("He is at");
	}

	@Test
	void aMailTheSmtpServerRefusesIsRecordedAndSentByTheNextTry() throws Exception {
		optIn("ana", "ana@example.com");
		SMTP.purgeEmailFromAllMailboxes();
		SMTP.stop();
		try {
			assertThatThrownBy(() -> task.run(NO_ONE_WATCHES)).isInstanceOf(IllegalStateException.class)
				.hasMessageStartingWith("Xûr's visit of 2026-11-27: 0 mails sent. Not sent: ana@example.com: ");
			assertThat(db.sql("select state from xur_mail").query(String.class).single()).isEqualTo("failed");
		}
		finally {
			SMTP.start();
		}
		assertThat(task.run(NO_ONE_WATCHES)).isEqualTo("Xûr's visit of 2026-11-27: 1 mail sent.");
		assertThat(db.sql("select state from xur_mail").query(String.class).single()).isEqualTo("sent");
		assertThat(SMTP.getReceivedMessages()).hasSize(1);
	}

	/** Opts the player in by e-mail, as a person does: the API, then the link mailed to the address. */
	void optIn(String username, String email) throws Exception {
		accounts.create(username, username + "-kettle-harbour", false);
		SMTP.purgeEmailFromAllMailboxes();
		putSettings(username, "{\"email\": \"%s\", \"xur\": true}".formatted(email));
		mvc.perform(get(link(text(onlyMail()), "/xur/confirm"))).andExpect(status().isOk());
	}

	void putSettings(String username, String json) throws Exception {
		mvc.perform(put("/api/v1/account/notifications").with(user(username)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content(json))
			.andExpect(status().isOk());
	}

	void refused(String json, int status, String detail) throws Exception {
		var result = mvc.perform(put("/api/v1/account/notifications").with(user("ana")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content(json))
			.andExpect(status().is(status))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		if (detail != null) {
			result.andExpect(jsonPath("$.detail").value(detail));
		}
	}

	static int freePort() {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	static MimeMessage onlyMail() {
		assertThat(SMTP.waitForIncomingEmail(1)).isTrue();
		MimeMessage[] mails = SMTP.getReceivedMessages();
		assertThat(mails).hasSize(1);
		return mails[0];
	}

	/** The link to {@code path} on Tower's public address in {@code text}, as a path with its query. */
	static String link(String text, String path) {
		Matcher link = Pattern.compile("https://tower\\.example\\.com(" + Pattern.quote(path) + "\\?token=[\\w-]+)")
			.matcher(text);
		assertThat(link.find()).as("a link to %s in %s", path, text).isTrue();
		return link.group(1);
	}

	static String text(MimeMessage mail) throws Exception {
		return part(mail, "text/plain");
	}

	/** The body of the first part of {@code type}, however deep in the multiparts. */
	static String part(Part part, String type) throws Exception {
		if (part.isMimeType(type)) {
			return (String) part.getContent();
		}
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart body = multipart.getBodyPart(i);
				String found = body.isMimeType(type) || body.isMimeType("multipart/*") ? part(body, type) : null;
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

}
