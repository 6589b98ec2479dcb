package dev.tower;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's Chromium driven by Playwright, for a test class of Tower on a real port:
 * {@code @RegisterExtension static final Chromium chromium = new Chromium();}. Each test gets a fresh page (its
 * own cookies) in a window of the given size, {@link #url} on the test's server, and {@link #screenshot}s in
 * target/screenshots for a human to look at. CI installs Chromium; a developer machine without it skips the
 * browser tests rather than failing them, and says why.
 */
public final class Chromium implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {

	static final Path EXECUTABLE = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private final int width;

	private final int height;

	private Playwright playwright;

	private Browser browser;

	private BrowserContext session;

	private Page page;

	private int port;

	public Chromium() {
		this(1280, 900);
	}

	public Chromium(int width, int height) {
		this.width = width;
		this.height = height;
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		assumeTrue(Files.isExecutable(EXECUTABLE) || System.getenv("CI") != null, "Chromium not found at " + EXECUTABLE
				+ ": apt-get install chromium (or set CHROMIUM_PATH) to run the browser tests");
		playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		browser = playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(EXECUTABLE)
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
						"--disable-background-networking", "--disable-component-update", "--disable-sync",
						"--no-first-run")));
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		port = SpringExtension.getApplicationContext(context)
			.getEnvironment()
			.getRequiredProperty("local.server.port", Integer.class);
		session = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height));
		page = session.newPage();
	}

	/** This test's page: a new browser session, signed in to nothing. */
	public Page page() {
		return page;
	}

	/** {@code path} on the server this test runs against. */
	public String url(String path) {
		return "http://localhost:" + port + path;
	}

	/** Opens {@code path}, which sends a stranger to the sign-in page, signs in there, and is back at {@code path}. */
	public Page signedIn(String path, String username, String password) {
		page.navigate(url(path));
		assertThat(page).hasURL(url("/login"));
		page.getByLabel("Username").fill(username);
		page.getByLabel("Password").fill(password);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
		assertThat(page).hasURL(url(path));
		page.waitForLoadState(LoadState.LOAD);
		return page;
	}

	/** The whole page, from its top, as target/screenshots/{@code name}.png. */
	public void screenshot(String name) {
		screenshot(name, true);
	}

	/** What the window shows at the top of the page, as target/screenshots/{@code name}.png. */
	public void screenshotOfTheWindow(String name) {
		screenshot(name, false);
	}

	private void screenshot(String name, boolean fullPage) {
		// from the top: a full-page capture scrolled down catches a sticky strip half-way
		page.evaluate("window.scrollTo(0, 0)");
		Path file = SCREENSHOTS.resolve(name + ".png");
		page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(fullPage));
		assertTrue(Files.exists(file), () -> "no screenshot at " + file);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		if (session != null) {
			session.close();
		}
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (playwright != null) {
			playwright.close();
		}
	}

}
