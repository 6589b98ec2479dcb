package dev.tower.web;

import java.nio.file.Path;

import com.microsoft.playwright.Page;
import dev.tower.Chromium;
import dev.tower.account.AccountService;
import dev.tower.results.changes.SeriesRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** A person opens a red run, sees what is new in it, and compares it with the run before. */
@TowerServerTest
class RunChangesBrowserTests {

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Autowired
	AccountService accounts;

	@Autowired
	ApplicationContext context;

	@TempDir
	Path dir;

	@Test
	void theRunPageMarksNewFailuresAndLeadsToTheComparison() {
		SeriesRuns runs = new SeriesRuns(context, dir);
		runs.ingest("nightly-41", 1, "addsItem=P paysByCard=F shipsParcel=P listsOrders=P:0.2 printsLabel=P");
		runs.ingest("nightly-41", "lab", "build-2", 1, "refundsOrder=F exportsCsv=P");
		long run = runs.ingest("nightly-42", 2,
				"addsItem=F paysByCard=F shipsParcel=P listsOrders=P:1.7 findsItem=P refundsOrder=P");
		accounts.create("alice", "alice-kettle-harbour", false);
		Page page = chromium.signedIn("/results/runs/" + run, "alice", "alice-kettle-harbour");

		assertThat(page.locator("#changes .new-failure")).hasCount(1);
		assertThat(page.locator("#changes .new-failure")).containsText("new");
		assertThat(page.locator("#changes .new-failure")).containsText("addsItem");
		assertThat(page.locator("#changes .still-failing")).containsText("paysByCard");
		assertThat(page.locator("#changes .still-failing")).containsText("failing since nightly-41 (2 runs)");
		page.locator("#changes-fixed summary").click();
		assertThat(page.locator("#changes-fixed")).containsText("refundsOrder");
		assertThat(page.locator("#changes-removed summary")).containsText("2 removed");
		chromium.screenshot("results-run-changes");

		page.locator("#compare-run").click();
		assertThat(page.locator("h1")).hasText("Compare runs");
		assertThat(page.locator("#base")).hasText("nightly-41");
		assertThat(page.locator("#compare-newFailures")).containsText("addsItem");
		assertThat(page.locator("#compare-fixed")).containsText("refundsOrder");
		assertThat(page.locator("#compare-added")).containsText("findsItem");
		assertThat(page.locator("#compare-slower")).containsText("listsOrders");
		chromium.screenshot("results-compare");
	}

}
