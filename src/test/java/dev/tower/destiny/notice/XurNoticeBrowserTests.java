package dev.tower.destiny.notice;

import java.util.UUID;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.tower.Chromium;
import dev.tower.TowerTest;
import dev.tower.account.AccountService;
import dev.tower.account.Role;
import dev.tower.jobs.TaskContext;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * In Debian's Chromium: a user opts in on the account page, follows the link mailed to them, and gets Xûr's
 * inventory; the mail's HTML is rendered as a mail client would show it. A player, who sees only the Destiny board,
 * opts in on the Xûr page.
 */
@TowerTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(XurNoticeTests.DemoManifest.class)
class XurNoticeBrowserTests {

	@RegisterExtension
	static final Chromium chromium = new Chromium(1280, 900);

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		XurNoticeTests.mail(registry);
	}

	@Autowired
	AccountService accounts;

	@Autowired
	XurNoticeTask task;

	@BeforeEach
	void freshMailbox() throws Exception {
		XurNoticeTests.SMTP.purgeEmailFromAllMailboxes();
	}

	@Test
	void aUserOptsInOnTheAccountPageConfirmsTheAddressAndGetsXursInventory() throws Exception {
		accounts.create("ana", "ana-kettle-harbour", false);
		Page page = chromium.signedIn("/account", "ana", "ana-kettle-harbour");

		page.getByLabel("E-mail address").fill("ana@example.com");
		page.getByLabel("Mail me Xûr's inventory when he arrives").check();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
		assertThat(page.getByRole(AriaRole.STATUS).filter(new com.microsoft.playwright.Locator.FilterOptions()
			.setHasText("Saved."))).hasText("Saved. We sent a link to ana@example.com: follow it to confirm the address.");
		assertThat(page.locator("#notice-email-state")).containsText("Not confirmed yet");
		chromium.screenshot("account-xur-notice");

		String confirm = XurNoticeTests.link(XurNoticeTests.text(XurNoticeTests.onlyMail()), "/xur/confirm");
		page.navigate(chromium.url(confirm));
		assertThat(page.locator("#notice-done")).containsText("Your address ana@example.com is confirmed");
		page.navigate(chromium.url("/account"));
		assertThat(page.locator("#notice-email-state")).hasText("Confirmed.");

		XurNoticeTests.SMTP.purgeEmailFromAllMailboxes();
		task.run(new TaskContext() {
			@Override
			public UUID jobId() {
				return UUID.randomUUID();
			}

			@Override
			public void progress(long done, long total) {
			}
		});
		MimeMessage mail = XurNoticeTests.onlyMail();
		// the icons from this test's server rather than the public address the mail names
		String html = XurNoticeTests.part(mail, "text/html").replace("https://tower.example.com", chromium.url(""));
		page.setContent(html);
		assertThat(page.locator("img")).hasCount(5);
		page.waitForCondition(() -> Boolean.TRUE.equals(page.evaluate(
				"[...document.images].every(img => img.complete && img.naturalWidth > 0)")));
		assertThat(page.getByText("Eventide Harbinger")).isVisible();
		assertThat(page.getByText("He is at The Tower, The Last City.")).isVisible();
		chromium.screenshot("mail-xur");
	}

	@Test
	void aPlayerWhoSeesOnlyTheDestinyBoardOptsInOnTheXurPage() throws Exception {
		accounts.create("osiris", "osiris-kettle-harbour", false);
		accounts.grant("osiris", Role.PLAYER);
		Page page = chromium.signedIn("/destiny/xur", "osiris", "osiris-kettle-harbour");
		assertThat(page.request().get(chromium.url("/account")).status()).isEqualTo(403);

		Locator notice = page.locator("#xur-notice");
		notice.getByLabel("E-mail address").fill("osiris@example.com");
		notice.getByLabel("Mail me Xûr's inventory when he arrives").check();
		notice.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
		assertThat(notice.getByRole(AriaRole.STATUS)).hasText(
				"Saved. We sent a link to osiris@example.com: follow it to confirm the address.");
		chromium.screenshot("destiny-xur-notice");

		assertThat(XurNoticeTests.link(XurNoticeTests.text(XurNoticeTests.onlyMail()), "/xur/confirm")).isNotBlank();
		page.reload();
		assertThat(page.locator("#notice-email-state")).containsText("Not confirmed yet");
		assertThat(page.getByLabel("Mail me Xûr's inventory when he arrives")).isChecked();
	}

}
