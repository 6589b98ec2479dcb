package dev.tower.destiny.loadout;

import java.nio.file.Path;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.jdbc.Sql;

import dev.tower.Chromium;
import dev.tower.EmbeddedPostgresConfiguration;
import dev.tower.EmptyCaches;
import dev.tower.account.AccountService;
import dev.tower.destiny.inventory.DemoManifestForTests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A player in Debian's Chromium on the demo board saves what the Titan wears, lends its kinetic weapon to the
 * Hunter, and gets it back by applying the loadout, watching each step; the Hunter cannot apply the Titan's kit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("testing")
@Import({ EmbeddedPostgresConfiguration.class, DemoManifestForTests.class })
@Sql(scripts = "classpath:empty-database.sql")
@ExtendWith(EmptyCaches.class)
class LoadoutsBrowserTests {

	static final String TITAN = "2305843009301234561";

	static final String HUNTER = "2305843009301234562";

	static final String VESPER = "6917529901236239314";

	static final String KINETIC_WORN = "#bucket-1498876634 .slot-equipped .tile";

	@RegisterExtension
	static final Chromium chromium = new Chromium(1440, 900);

	@Autowired
	AccountService accounts;

	Page page;

	@BeforeEach
	void signedIn() {
		accounts.create("guardian", "guardian-kettle-harbour", false);
		page = chromium.signedIn("/destiny/characters/" + TITAN, "guardian", "guardian-kettle-harbour");
	}

	@Test
	void aPlayerSavesTheTitansKitAndAppliesItBackWithEachStepShown() {
		Locator loadouts = page.locator("#loadouts");
		assertThat(loadouts.locator(".loadout-empty")).isVisible();
		loadouts.getByLabel("Loadout name").fill("Titan kit");
		loadouts.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save equipped")).click();
		Locator saved = loadouts.locator(".loadout[data-name='Titan kit']");
		assertThat(saved).containsText("Titan · 8 items");
		assertThat(loadouts.locator(".loadout-empty")).isHidden();

		// the Hunter borrows the Titan's kinetic weapon and wears it
		page.locator(KINETIC_WORN).click();
		page.getByRole(AriaRole.DIALOG).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Equip on Hunter"))
			.click();
		assertThat(page.locator(".move-toast[data-outcome]").last()).hasAttribute("data-outcome", "success");
		assertThat(page.locator(KINETIC_WORN)).not().hasAttribute("data-item", VESPER);

		saved.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Apply Titan kit to Titan")).click();
		Locator outcome = loadouts.locator(".loadout-outcome");
		assertThat(outcome).hasAttribute("data-outcome", "success");
		assertThat(outcome).hasText("“Titan kit” is on Titan: 8 of 8 items in place.");
		Locator steps = loadouts.locator(".loadout-step");
		assertThat(steps).hasCount(4);
		assertThat(steps.nth(1)).hasText("2/4 Moving Vesper Epitaph to the vault");
		assertThat(steps.nth(3)).hasText("4/4 Equipping Vesper Epitaph on Titan");
		assertThat(loadouts.locator(".loadout-step.done")).hasCount(4);
		// the board shows the result without a reload
		assertThat(page.locator(KINETIC_WORN)).hasAttribute("data-item", VESPER);
		loadouts.scrollIntoViewIfNeeded();
		loadouts.screenshot(new Locator.ScreenshotOptions().setPath(Path.of("target", "screenshots", "destiny-loadouts.png")));
		chromium.screenshot("destiny-character-loadouts");

		// renamed; on the Hunter's page the Titan's kit cannot be applied
		saved.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Rename Titan kit")).click();
		Locator name = loadouts.getByLabel("New name");
		name.fill("Crucible");
		name.press("Enter");
		assertThat(loadouts.locator(".loadout-name")).hasText(new String[] { "Crucible" });
		page.navigate(chromium.url("/destiny/characters/" + HUNTER));
		page.waitForLoadState(LoadState.LOAD);
		assertThat(page.locator("#loadouts").getByRole(AriaRole.BUTTON,
				new Locator.GetByRoleOptions().setName("Apply Crucible to Hunter"))).isDisabled();
	}

}
