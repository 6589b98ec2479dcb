package dev.tower.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import dev.tower.Chromium;
import dev.tower.account.AccountService;
import dev.tower.finance.FinanceImport;
import dev.tower.results.ingest.DemoResults;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.TestPropertySource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A person in Debian's Chromium: signs in, looks at the companies and one company, and sees the charts
 * the React islands draw.
 */
@TowerServerTest
@TestPropertySource(properties = "jobrunr.background-job-server.enabled=true")
class BrowserTests {

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Autowired
	AccountService accounts;

	@Autowired
	FinanceImport financeImport;

	@Autowired
	org.springframework.context.ApplicationContext context;

	Page page;

	/** What the browser refused under the Content-Security-Policy, on any page a test visits. */
	final List<String> refused = new ArrayList<>();

	@BeforeEach
	void signedInAdminWithTheDemoCompanies() throws IOException {
		accounts.create("alice", "alice-kettle-harbour", true);
		try (InputStream demo = new ClassPathResource("finance/demo-companies.json").getInputStream()) {
			financeImport.importJson(demo);
		}
		chromium.page().onConsoleMessage(message -> {
			if (message.text().contains("Content Security Policy")) {
				refused.add(message.location() + ": " + message.text());
			}
		});
		page = chromium.signedIn("/", "alice", "alice-kettle-harbour");
	}

	@AfterEach
	void nothingWasRefused() {
		org.assertj.core.api.Assertions.assertThat(refused).isEmpty();
	}

	@Test
	void aCompanyNamedLikeScriptIsDeletedWithoutRunningIt() {
		String name = "<img src=x onerror=alert(1)>'\";alert(1)//";
		financeImport.importJson(new ByteArrayInputStream("""
				{"DATA": [{"COMPANY": %s, "COMPANY_CEO": "Mallory", "BUSINESS_TYPE": "Technology", "FINANCE": []}]}"""
			.formatted(org.springframework.boot.json.JsonWriter.standard().writeToString(name)).getBytes(StandardCharsets.UTF_8)));
		List<String> dialogs = new ArrayList<>();
		page.onDialog(dialog -> {
			dialogs.add(dialog.message());
			dialog.accept();
		});

		page.navigate(chromium.url("/companies?name=" + java.net.URLEncoder.encode("<img", StandardCharsets.UTF_8)));
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name)).click();
		assertThat(page.locator("h1")).hasText(name);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete")).click();

		assertThat(page.locator(".alert-success")).containsText("Deleted");
		org.assertj.core.api.Assertions.assertThat(dialogs).containsExactly("Delete " + name + " and all its earnings?");
		assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name))).hasCount(0);
	}

	@Test
	void theApiDocumentationRunsUnderTheContentSecurityPolicy() {
		Response response = page.navigate(chromium.url("/swagger-ui/index.html"));
		org.assertj.core.api.Assertions.assertThat(response.headers().get("content-security-policy")).contains("script-src 'self'");
		org.assertj.core.api.Assertions.assertThat(response.headers().get("referrer-policy")).isEqualTo("strict-origin-when-cross-origin");
		// springdoc writes the document on its first request, which takes a few seconds on a busy machine
		assertThat(page.locator(".swagger-ui .info .title")).containsText("Tower API",
				new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
		assertThat(page.locator(".opblock").first()).isVisible();
	}

	@Test
	void theHomePageShowsWhatTowerHolds() {
		assertThat(page.locator(".stat").first()).hasText("10");
		assertThat(page.getByTestId("finance-overview-chart").locator("svg[role=img]")).isVisible();
		chromium.screenshot("home");
	}

	@Test
	void aCompanysQuarterlyEarningsAreDrawnAsBars() {
		page.navigate(chromium.url("/companies"));
		assertThat(page.locator("#companies tbody tr")).hasCount(10);
		assertThat(page.getByTestId("earnings-comparison-chart").locator("path[aria-label]").first()).isVisible();
		chromium.screenshot("companies");

		page.getByRole(com.microsoft.playwright.options.AriaRole.LINK, new Page.GetByRoleOptions().setName("WayneCorp")).click();
		assertThat(page.locator("h1")).hasText("WayneCorp");
		Locator bars = page.getByTestId("quarterly-earnings-chart").locator("path[aria-label]");
		// 2026 so far: Q1..Q3 reported, each a quarter bar; Q2 and Q3 also stand on the earlier quarters.
		assertThat(bars).hasCount(5);
		assertThat(bars.first()).hasAttribute("aria-label", java.util.regex.Pattern.compile("Q1 2026"));
		assertThat(page.getByTestId("earnings-trend-chart").locator("svg[role=img]")).isVisible();
		assertThat(page.locator("#finances tbody tr")).hasCount(12);
		chromium.screenshot("company");

		page.getByRole(com.microsoft.playwright.options.AriaRole.COMBOBOX).first().selectOption("2018");
		assertThat(bars).hasCount(7);
	}

	@Test
	void searchingNarrowsTheListAndTheChart() {
		page.navigate(chromium.url("/companies"));
		page.getByLabel("Business type").selectOption("Technology");
		page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
		assertThat(page.locator("#companies tbody tr")).hasCount(3);
		assertThat(page.getByTestId("earnings-comparison-chart")).containsText("Massive Dynamic");
	}

	@Test
	void adminPagesLookFinished() {
		page.navigate(chromium.url("/admin/import"));
		assertThat(page.locator("h1")).hasText("Import companies and earnings");
		chromium.screenshot("import");
		page.navigate(chromium.url("/admin/companies/new"));
		page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
		assertThat(page.locator(".invalid-feedback").first()).isVisible();
		chromium.screenshot("company-form-errors");
		page.navigate(chromium.url("/account"));
		page.getByPlaceholder("What is it for? e.g. ci-server").fill("laptop");
		page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create token")).click();
		assertThat(page.locator("#new-token")).hasValue(java.util.regex.Pattern.compile("^twr_.{43}$"));
		chromium.screenshot("account");
		page.navigate(chromium.url("/nowhere"));
		assertThat(page.locator("h1")).hasText("Page not found");
		chromium.screenshot("not-found");
	}

	@Test
	void anAdminRunsATaskAndWatchesItFinishLive() {
		page.navigate(chromium.url("/admin/jobs"));
		assertThat(page.locator("h1")).hasText("Background jobs");
		assertThat(page.locator("#workers")).containsText("1 worker");
		assertThat(page.locator("#task-housekeeping")).containsText("cron 17 3 * * *");

		page.locator("#task-housekeeping").getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
				new Locator.GetByRoleOptions().setName("Run now")).click();

		assertThat(page).hasURL(java.util.regex.Pattern.compile("/admin/jobs/[0-9a-f-]{36}$"));
		assertThat(page.locator("[aria-live=polite]")).hasText("Succeeded");
		assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.PROGRESSBAR)).hasAttribute("aria-valuenow", "100");
		assertThat(page.locator(".alert-success")).containsText("Deleted 0 finished jobs");
		chromium.screenshot("job");

		page.navigate(chromium.url("/admin/jobs"));
		Locator monitor = page.locator("[data-island=job-monitor]");
		assertThat(monitor.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
				new Locator.GetByRoleOptions().setName("Housekeeping"))).isVisible();
		assertThat(monitor).containsText("Succeeded");
		chromium.screenshot("jobs");
	}

	@Test
	void theResultsBoardShowsRunsTrendsAndFlakyTests() throws Exception {
		DemoResults.load(context);

		page.locator("nav").getByRole(com.microsoft.playwright.options.AriaRole.LINK,
				new Locator.GetByRoleOptions().setName("Results")).click();
		assertThat(page.locator("h1")).hasText("Test results");
		assertThat(page.locator("#runs tbody tr")).hasCount(14);
		assertThat(page.locator("#runs tbody tr").first()).containsText("nightly-1214");
		Locator bars = page.locator("[data-island=results-trend] svg").first();
		assertThat(bars).isVisible();
		chromium.screenshot("results-runs");

		page.getByLabel("Tag").fill("v1.4.0");
		page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();
		assertThat(page.locator("#runs tbody tr")).hasCount(9);

		page.navigate(chromium.url("/results"));
		page.locator("#runs").getByRole(com.microsoft.playwright.options.AriaRole.LINK,
				new Locator.GetByRoleOptions().setName("nightly-1212")).click();
		assertThat(page.locator("h1")).hasText("nightly-1212");
		assertThat(page.locator("#totals")).containsText("25");
		assertThat(page.locator("#failures")).containsText("appliesVoucher");
		assertThat(page.locator("#failures")).containsText("ranksByRelevance");
		assertThat(page.locator("#hosts tbody tr")).hasCount(2);
		chromium.screenshot("results-run");

		page.locator("#failures").getByRole(com.microsoft.playwright.options.AriaRole.LINK,
				new Locator.GetByRoleOptions().setName("appliesVoucher")).click();
		assertThat(page.locator("h1")).hasText("appliesVoucher");
		assertThat(page.locator("#history tbody tr")).hasCount(14);
		assertThat(page.locator("[data-island=test-history] svg").first()).isVisible();
		chromium.screenshot("results-test");

		page.navigate(chromium.url("/results/insights"));
		Locator flaky = page.locator("#flaky tbody tr");
		assertThat(flaky.first()).containsText("appliesVoucher");
		assertThat(page.locator("#flaky")).containsText("retriesATimeout");
		assertThat(page.locator("#failing tbody tr").first()).containsText("ranksByRelevance");
		assertThat(page.locator("#slowest tbody tr").first()).containsText("PaymentGatewayIT");
		chromium.screenshot("results-insights");

		DemoResults.queueAFailureAndAPendingFile(context, Files.createTempDirectory("queue-"));
		page.navigate(chromium.url("/results/queue"));
		assertThat(page.locator("#queue tbody tr")).hasCount(2);
		Locator failed = page.locator("#queue tbody tr", new Page.LocatorOptions().setHasText("TEST-cut-short.xml"));
		assertThat(failed).containsText("failed");
		assertThat(failed).containsText("line 1");
		chromium.screenshot("results-queue");
		failed.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Retry")).click();
		assertThat(page.locator("[role=status]")).containsText("pending again");
		assertThat(page.locator("#queue-counts")).containsText("Pending 2");

		page.navigate(chromium.url("/"));
		assertThat(page.locator("#results-card")).containsText("nightly-1214");
		chromium.screenshot("home-with-results");
	}

}
