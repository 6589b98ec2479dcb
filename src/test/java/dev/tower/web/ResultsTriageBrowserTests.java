package dev.tower.web;

import java.nio.file.Files;
import java.nio.file.Path;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.tower.Chromium;
import dev.tower.account.AccountService;
import dev.tower.results.Reports;
import dev.tower.results.failures.FailureGroupsTests;
import dev.tower.results.ingest.DemoResults;
import dev.tower.results.ingest.ReportIngester;
import dev.tower.results.ingest.RunInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** A person opening a red run: its causes, one cause's page, a suite's cases, and finding a test. */
@TowerServerTest
class ResultsTriageBrowserTests {

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Autowired
	AccountService accounts;

	@Autowired
	ReportIngester ingester;

	@Autowired
	ApplicationContext context;

	@Test
	void aRedRunShowsItsCausesAndEveryTestCanBeFound() throws Exception {
		DemoResults.load(context);
		Path dir = Files.createTempDirectory("red-run-");
		RunInfo red = new RunInfo("nightly-red", "shop-team", "dublin", "build-3", "Nightly", "v1.6.0", null);
		Path shop = Reports.write(dir, "TEST-com.acme.ShopTest.xml", FailureGroupsTests.redReport(5432, 3));
		ingester.ingest(ingester.describe(shop, shop.toString()), red, true);
		accounts.create("alice", "alice-kettle-harbour", false);
		Page page = chromium.signedIn("/results", "alice", "alice-kettle-harbour");

		page.locator("#runs").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("nightly-red")).click();
		Locator groups = page.locator("#failure-groups");
		assertThat(groups).containsText("3 causes for 7 failures");
		assertThat(groups.locator("details")).hasCount(3);
		groups.locator("details summary").first().click();
		assertThat(groups.locator("details").first()).containsText("paysInvoice");
		chromium.screenshot("results-run-groups");

		groups.locator("details").first().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Group page")).click();
		assertThat(page.locator("h1")).hasText("org.postgresql.util.PSQLException");
		assertThat(page.locator("#group-tests tbody tr")).hasCount(4);
		assertThat(page.locator("#group-runs tbody tr")).hasCount(1);
		chromium.screenshot("results-failure-group");

		page.locator("#group-runs").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("nightly-red")).click();
		page.locator("#suites").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("com.acme.ShopTest")).click();
		assertThat(page.locator("#cases tbody tr")).hasCount(9);
		page.locator("#outcome-filter").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Errors 5")).click();
		assertThat(page.locator("#cases tbody tr")).hasCount(5);
		chromium.screenshot("results-suite");

		page.navigate(chromium.url("/results"));
		page.getByLabel("Find a test").fill("voucher");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find")).click();
		assertThat(page.locator("#found-tests tbody tr").first()).containsText("appliesVoucher");
		chromium.screenshot("results-find-test");
		page.locator("#found-tests").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("appliesVoucher")).click();
		assertThat(page.locator("h1")).hasText("appliesVoucher");

		page.navigate(chromium.url("/results/insights"));
		assertThat(page.locator("#failure-groups")).containsText("Most frequent causes of failure");
		chromium.screenshot("results-insights-groups");
	}

}
