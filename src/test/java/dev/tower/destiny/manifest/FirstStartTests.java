package dev.tower.destiny.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import org.jobrunr.jobs.states.StateName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import dev.tower.Chromium;
import dev.tower.account.AccountService;
import dev.tower.destiny.BungieOnStub;
import dev.tower.destiny.BungieStub;
import dev.tower.destiny.FakeBungie;
import dev.tower.jobs.JobView;
import dev.tower.jobs.Jobs;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A fresh install with a Bungie application (the local Bungie.net stub) and no manifest: the first check starts with
 * the server, as a job a worker runs, and while Bungie's content server is slow to send the last table a player's
 * board is a progress page that turns into the board by itself, never a wall of Classified items.
 */
@BungieOnStub
@TestPropertySource(properties = "jobrunr.background-job-server.enabled=true")
class FirstStartTests {

	/** The last table the update reads: held back, so the download stops at 6 of 7 tables. */
	static final String SLOW_TABLE = "DestinyVendorDefinition";

	/** Where the download waits: every table before the slow one is in. */
	static final int PERCENT_BEFORE_SLOW_TABLE = ManifestTable.VENDORS.ordinal() * 100 / ManifestTable.values().length;

	static final AtomicLong players = new AtomicLong(4611686018467390000L);

	@RegisterExtension
	static final Chromium chromium = new Chromium(1440, 900);

	@Autowired
	FakeBungie bungie;

	@Autowired
	ManifestFirstStart firstStart;

	@Autowired
	Jobs jobs;

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	ManifestUpdater manifest;

	final CountDownLatch slowTable = new CountDownLatch(1);

	@BeforeEach
	void bungieWithASlowContentServer() {
		bungie.redirectingTo(URI.create(chromium.url("/destiny/callback")))
			.player(String.valueOf(players.incrementAndGet()), "Ikora");
		byte[] table = read("destiny/demo/manifest/" + SLOW_TABLE + ".json");
		bungie.stub().on("GET", BungieStub.manifestPath(FakeBungie.MANIFEST_VERSION, SLOW_TABLE), request -> {
			try {
				slowTable.await(60, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return BungieStub.file(table);
		});
	}

	@AfterEach
	void letTheDownloadFinish() {
		slowTable.countDown();
		jobs.latest(ManifestTask.NAME).ifPresent(job -> awaitFinished(job.id()));
	}

	@Test
	void aPlayerSeesTheDownloadsProgressAndThenTheirBoardWithoutReloading() {
		firstStart.checkIfNoneServes();

		Page page = chromium.page();
		page.navigate(chromium.url("/destiny"));
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Log in with Bungie.net")).click();
		assertThat(page).hasURL(chromium.url("/destiny"));
		assertThat(page.locator("h1")).hasText("Getting your board ready");
		assertThat(page.locator("#manifest-progress-text")).hasText("Downloading the Destiny manifest: " + PERCENT_BEFORE_SLOW_TABLE + " %");
		assertThat(page.getByRole(AriaRole.PROGRESSBAR)).hasAttribute("aria-valuenow", String.valueOf(PERCENT_BEFORE_SLOW_TABLE));
		assertThat(page.locator(".tile")).hasCount(0);
		// for crawlers and scripts: not the board yet, come back shortly
		APIResponse again = page.request().get(chromium.url("/destiny/xur"));
		assertThat(again.status()).isEqualTo(503);
		assertThat(again.headers()).containsEntry("retry-after", "5");
		chromium.screenshot("destiny-first-start");

		slowTable.countDown();

		assertThat(page.locator("h1")).hasText("Vault", new LocatorAssertions.HasTextOptions().setTimeout(30_000));
		// the heading shows while the reloaded board is still streaming in: count its tiles once the page has loaded
		page.waitForLoadState(LoadState.LOAD);
		Locator tiles = page.locator("#destiny-board .tile");
		assertThat(tiles.count()).isGreaterThan(300);
		// named from the manifest: only the profile's few items no definition names stay Classified, as on any board
		assertThat(page.locator("#destiny-board .tile[data-classified=true]").count()).isLessThan(5);
		assertThat(page.locator(".manifest-warning")).hasCount(0);
		assertThat(page).hasURL(chromium.url("/destiny"));
	}

	@Test
	void theProgressIsAlsoAJsonStatus() throws Exception {
		mvc.perform(get("/api/v1/destiny/manifest/first-download").with(user("reader")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.serving").value(false))
			.andExpect(jsonPath("$.message").value("Waiting for the first check of the Destiny manifest."));

		firstStart.checkIfNoneServes();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> mvc
			.perform(get("/api/v1/destiny/manifest/first-download").with(user("reader")))
			.andExpect(jsonPath("$.percent").value(PERCENT_BEFORE_SLOW_TABLE))
			.andExpect(jsonPath("$.message").value("Downloading the Destiny manifest: " + PERCENT_BEFORE_SLOW_TABLE + " %")));

		slowTable.countDown();
		JobView check = awaitFinished(jobs.latest(ManifestTask.NAME).orElseThrow().id());
		assertThat(check.state()).isEqualTo(StateName.SUCCEEDED);
		mvc.perform(get("/api/v1/destiny/manifest/first-download").with(user("reader")))
			.andExpect(jsonPath("$.serving").value(true));
	}

	@Test
	void aPlayerNotLinkedYetIsOfferedTheBungieLoginMeanwhile() throws Exception {
		accounts.create("zavala", "zavala-kettle-harbour", false);

		mvc.perform(get("/destiny").with(user("zavala")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"connect-bungie\"")));
	}

	@Test
	void withAManifestServingNoCheckStartsAtStartUp() {
		slowTable.countDown();
		assertThat(manifest.check(ManifestProgress.NONE).outcome()).isEqualTo(ManifestCheck.Outcome.UPDATED);

		firstStart.checkIfNoneServes();

		assertThat(jobs.latest(ManifestTask.NAME)).isEmpty();
	}

	JobView awaitFinished(java.util.UUID id) {
		return await().atMost(Duration.ofSeconds(60)).until(() -> jobs.get(id), JobView::finished);
	}

	static byte[] read(String path) {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
