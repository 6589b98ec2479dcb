package dev.tower.destiny.inventory;

import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import dev.tower.EmbeddedPostgresConfiguration;
import dev.tower.EmptyCaches;
import dev.tower.account.AccountService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.jdbc.Sql;

import dev.tower.Chromium;
import dev.tower.TestClock;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A player in Debian's Chromium on the demo board: sees the vault, filters it, moves an item to another character
 * from its menu, equips it there, drags one to the vault, and is told plainly when Bungie's rules say no.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("testing")
@Import({ EmbeddedPostgresConfiguration.class, DemoManifestForTests.class, TestClock.Bean.class })
@Sql(scripts = "classpath:empty-database.sql")
@ExtendWith(EmptyCaches.class)
class DestinyBrowserTests {

	static final String HUNTER = "2305843009301234562";

	@RegisterExtension
	static final Chromium chromium = new Chromium(1440, 900);

	@Autowired
	AccountService accounts;

	Page page;

	@BeforeEach
	void signedIn() {
		accounts.create("guardian", "guardian-kettle-harbour", false);
		page = chromium.signedIn("/destiny", "guardian", "guardian-kettle-harbour");
	}

	@Test
	void aPlayerFiltersTheVaultMovesAnItemEquipsItAndDragsAnotherToTheVault() {
		assertThat(page.locator(".demo-banner")).containsText("Demo data.");
		Locator tiles = page.locator("#destiny-board .tile");
		assertThat(page.locator("h1")).hasText("Vault");
		assertThat(tiles.count()).isGreaterThan(400);
		assertThat(page.locator(".emblem-card")).hasCount(3);
		chromium.screenshotOfTheWindow("destiny-vault");

		// filter instantly, DIM style
		Locator filter = page.getByLabel("Filter items");
		filter.fill("is:exotic is:weapon");
		Locator shown = page.locator("#destiny-board .tile:not(.filtered-out)");
		assertThat(shown.first()).isVisible();
		assertThat(shown.count()).isBetween(5, 30);
		for (String tier : shown.evaluateAll("tiles => tiles.map(t => t.dataset.tier)").toString().split(",")) {
			assertThat(tier).contains("Exotic");
		}
		assertThat(page.locator("#filter-shown")).hasText(String.valueOf(shown.count()));
		chromium.screenshot("destiny-vault-filtered");

		filter.fill("\"the last lantern\"");
		Locator lantern = shown.first();
		assertThat(lantern).hasAttribute("data-name", "The Last Lantern");
		String key = lantern.getAttribute("data-item");
		page.evaluate("window.notReloaded = true");

		// move it to the Hunter from its menu
		lantern.click();
		Locator menu = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("The Last Lantern"));
		assertThat(menu).isVisible();
		chromium.screenshotOfTheWindow("destiny-item-menu");
		menu.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Move to Hunter")).click();
		Locator toast = page.locator(".move-toast[data-outcome]").last();
		assertThat(toast).hasAttribute("data-outcome", "success");
		assertThat(toast).containsText("Moved The Last Lantern to Hunter.");
		assertThat(page.locator(".tile[data-item='" + key + "']")).hasCount(0);
		assertThat(page.evaluate("window.notReloaded")).isEqualTo(true);

		// equip it on the Hunter
		page.locator(".emblem-card[data-drop='" + HUNTER + "']").click();
		assertThat(page.locator("h1")).hasText("Hunter");
		page.waitForLoadState(LoadState.LOAD);
		filter = page.getByLabel("Filter items");
		filter.fill("");
		Locator moved = page.locator(".tile[data-item='" + key + "']");
		assertThat(moved).hasAttribute("data-equipped", "false");
		moved.click();
		page.getByRole(AriaRole.DIALOG).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Equip on Hunter"))
			.click();
		assertThat(page.locator(".move-toast[data-outcome]").last()).containsText("Equipped The Last Lantern on Hunter.");
		assertThat(page.locator("#bucket-1498876634 .slot-equipped .tile")).hasAttribute("data-item", key);
		chromium.screenshot("destiny-character");

		// drag a carried energy weapon onto the vault
		Locator carried = page.locator("#bucket-2465295065 .tiles .tile").first();
		String dragged = carried.getAttribute("data-item");
		carried.dragTo(page.locator(".vault-card"));
		assertThat(page.locator(".move-toast[data-outcome]").last()).containsText("to the vault.");
		assertThat(page.locator(".tile[data-item='" + dragged + "']")).hasCount(0);
		page.navigate(chromium.url("/destiny"));
		assertThat(page.locator(".tile[data-item='" + dragged + "']")).hasCount(1);
	}

	@Test
	void theItemWindowOpensFromTheKeyboardWithStatsPerksAndTheMasterwork() {
		Locator filter = page.getByLabel("Filter items");
		filter.fill("\"the last lantern\"");
		Locator weapon = page.locator("#destiny-board .tile:not(.filtered-out)").first();
		weapon.focus();
		page.keyboard().press("Enter");

		Locator window = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("The Last Lantern"));
		assertThat(window).isVisible();
		assertThat(window.locator(".item-stats")).containsText("Impact");
		assertThat(window.locator(".item-stats")).not().containsText("Aim Assistance");
		assertThat(window.getByRole(AriaRole.METER).first()).hasAttribute("aria-valuenow", Pattern.compile("\\d+"));
		assertThat(window.locator(".item-window-section h3")).containsText(new String[] { "Stats", "Weapon perks",
				"Weapon mods", "Masterwork" });
		chromium.screenshotOfTheWindow("destiny-item-window-weapon");
		// Tab goes round inside the window; Escape closes it and gives focus back to the item
		for (int i = 0; i < 8; i++) {
			page.keyboard().press("Tab");
			assertThat(page.evaluate("document.activeElement.closest('[role=dialog]') !== null")).isEqualTo(true);
		}
		page.keyboard().press("Escape");
		assertThat(window).hasCount(0);
		assertThat(page.evaluate("document.activeElement.dataset.item")).isEqualTo(weapon.getAttribute("data-item"));

		filter.fill("is:exotic is:armor class:titan");
		Locator armour = page.locator("#destiny-board .tile:not(.filtered-out)").first();
		armour.click();
		Locator armourWindow = page.getByRole(AriaRole.DIALOG);
		assertThat(armourWindow.locator(".item-stats")).containsText("Resilience");
		assertThat(armourWindow.locator(".item-window-section h3")).containsText(new String[] { "Stats", "Armor perks",
				"Armor mods", "Masterwork" });
		chromium.screenshotOfTheWindow("destiny-item-window-armour");
	}

	@Test
	void bungiesRulesAreExplainedAndTheOutcomeShown() {
		// The Hunter wears an exotic kinetic weapon: an exotic energy weapon can go there, but not be worn too.
		page.getByLabel("Filter items").fill("is:exotic bucket:energy");
		Locator exotic = page.locator("#destiny-board .tile:not(.filtered-out)").first();
		String name = exotic.getAttribute("data-name");
		exotic.click();
		page.getByRole(AriaRole.DIALOG).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Equip on Hunter"))
			.click();
		Locator toast = page.locator(".move-toast[data-outcome]").last();
		assertThat(toast).hasAttribute("data-outcome", "failure");
		assertThat(toast).containsText("only one exotic weapon and one exotic armour piece");
		assertThat(toast).containsText(name + " is on Hunter now.");
		chromium.screenshotOfTheWindow("destiny-refusal");
	}

	@Test
	void thePostmasterAndXur() {
		page.locator(".board-tabs").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Hunter")).click();
		page.waitForLoadState(LoadState.LOAD);
		Locator postmaster = page.locator("#postmaster");
		assertThat(postmaster).isVisible();
		int waiting = postmaster.locator(".tile").count();
		postmaster.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("^Pull "))).first().click();
		assertThat(page.locator(".move-toast[data-outcome]").last()).containsText("from the postmaster");
		assertThat(page.locator("#postmaster .tile")).hasCount(waiting - 1);
		chromium.screenshot("destiny-postmaster");

		page.locator(".board-tabs").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Xûr")).click();
		assertThat(page.locator("#xur-sales .sale")).hasCount(5);
		assertThat(page.locator("#xur-where")).hasText("Xûr is at The Tower, The Last City");
		chromium.screenshot("destiny-xur");
	}

}
