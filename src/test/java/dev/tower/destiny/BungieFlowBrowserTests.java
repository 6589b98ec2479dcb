package dev.tower.destiny;

import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import dev.tower.destiny.manifest.ManifestCheck;
import dev.tower.destiny.manifest.ManifestProgress;
import dev.tower.destiny.manifest.ManifestUpdater;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import dev.tower.Chromium;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A player in Debian's Chromium against Bungie.net (a {@link FakeBungie} speaking its wire format), not the demo:
 * logs in with Bungie.net from the sign-in page, sees their vault, filters it, moves an item from the vault to a
 * character and equips it there, each move landing on the page without a reload; and is told plainly when Bungie
 * refuses.
 */
@BungieOnStub
class BungieFlowBrowserTests {

	static final String HUNTER = "2305843009301234562";

	static final String WARLOCK = "2305843009301234563";

	/** A vault item: a legendary kinetic hand cannon any class can use. */
	static final String RESTLESS_PARAGON = "6917529901234549170";

	static final long RESTLESS_PARAGON_HASH = 104495604L;

	static final String KINETIC = "1498876634";

	/** Each test is its own player, so no board Tower still holds from an earlier test is shown. */
	static final AtomicLong players = new AtomicLong(4611686018467290000L);

	@RegisterExtension
	static final Chromium chromium = new Chromium(1440, 900);

	@Autowired
	ManifestUpdater manifest;

	@Autowired
	FakeBungie bungie;

	Page page;

	String steam;

	@BeforeEach
	void bungiesManifestInstalledAndAPlayerAtTheSignInPage() {
		steam = String.valueOf(players.incrementAndGet());
		bungie.redirectingTo(URI.create(chromium.url("/destiny/callback"))).player(steam, "Ikora");
		// the manifest comes from Bungie's tables, as the recurring check installs it
		ManifestCheck installed = manifest.check(ManifestProgress.NONE);
		assertThat(installed.outcome()).isEqualTo(ManifestCheck.Outcome.UPDATED);
		assertThat(installed.current()).contains(FakeBungie.MANIFEST_VERSION);
		logIn();
	}

	/** Logs in with Bungie.net from the sign-in page as the player FakeBungie plays. */
	private void logIn() {
		if (page == null) {
			page = chromium.page();
		}
		page.navigate(chromium.url("/destiny"));
		assertThat(page).hasURL(chromium.url("/login"));
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Log in with Bungie.net")).click();
		assertThat(page).hasURL(chromium.url("/destiny"));
		page.waitForLoadState(LoadState.LOAD);
	}

	@Test
	void theItemWindowShowsAnArmourPieceFromBungieAndPrivateComponentsAreNamed() {
		page.getByLabel("Filter items").fill("is:exotic is:armor class:hunter");
		page.locator("#destiny-board .tile:not(.filtered-out)").first().click();
		Locator window = page.getByRole(AriaRole.DIALOG);
		assertThat(window.locator(".item-stats")).containsText("Mobility");
		assertThat(window.locator(".item-plug img").first())
			.hasAttribute("src", java.util.regex.Pattern.compile("^" + bungie.baseUrl() + "/assets/destiny/icons/"));
		chromium.screenshotOfTheWindow("destiny-bungie-item-window-armour");
		assertThat(bungie.stub().requests().stream().map(BungieStub.Request::path))
			.anyMatch(path -> path.startsWith("/Platform/Destiny2/3/Profile/" + steam + "/Item/"));

		// another player, whose privacy settings hide the vault and what the characters carry
		steam = String.valueOf(players.incrementAndGet());
		bungie.player(steam, "Saint");
		tools.jackson.databind.node.ObjectNode hidden = (tools.jackson.databind.node.ObjectNode) dev.tower.destiny.inventory.BundledDefinitions.demoProfile();
		hidden.set("profileInventory", tools.jackson.databind.json.JsonMapper.builder().build().readTree("{\"data\": {\"items\": []}, \"privacy\": 2}"));
		hidden.set("characterInventories", tools.jackson.databind.json.JsonMapper.builder().build().readTree("{\"privacy\": 2}"));
		bungie.stub().platform("GET", "/Destiny2/3/Profile/" + steam + "/", hidden);
		page.context().clearCookies();
		logIn();
		assertThat(page.locator(".privacy-note")).containsText(
				"the vault and account-wide items and what the characters carry, hidden by the player's privacy settings");
		page.locator(".board-tabs").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Hunter")).click();
		assertThat(page.locator("h1")).hasText("Hunter");
		page.getByLabel("Filter items").fill("");
		assertThat(page.locator(".privacy-note")).isVisible();
		assertThat(page.locator(".slot-equipped .tile").first()).isVisible();
		chromium.screenshotOfTheWindow("destiny-bungie-privacy");
	}

	@Test
	void aPlayerLogsInWithBungieFiltersTheirVaultMovesAnItemToTheHunterAndEquipsIt() {
		BungieStub.Request authorize = bungie.stub().requests("GET", "/en/OAuth/Authorize").get(0);
		assertThat(authorize.query()).contains("client_id=" + FakeBungie.CLIENT_ID).contains("response_type=code")
			.containsPattern("state=[A-Za-z0-9_-]{43}");
		BungieStub.Request token = bungie.stub().requests("POST", FakeBungie.TOKEN).get(0);
		assertThat(token.body()).contains("grant_type=authorization_code").contains("code=auth-code-");
		// cross save: the Steam membership is the one played, although Xbox is named primary
		assertThat(bungie.stub().requests("GET", "/Platform/Destiny2/3/Profile/" + steam + "/")).isNotEmpty();
		assertThat(bungie.stub().requests().stream().map(BungieStub.Request::path))
			.noneMatch(path -> path.contains(FakeBungie.XBOX));

		// the player's own vault, not the demo
		assertThat(page.locator(".demo-banner")).hasCount(0);
		assertThat(page.locator(".manifest-warning")).hasCount(0);
		assertThat(page.locator("h1")).hasText("Vault");
		page.waitForLoadState(LoadState.LOAD);
		assertThat(page.locator(".board-player")).hasText("Ikora#1234");
		Locator tiles = page.locator("#destiny-board .tile");
		assertThat(tiles.count()).isGreaterThan(400);
		assertThat(page.locator(".emblem-card")).hasCount(3);
		// icons come from Bungie's content server
		Locator icon = page.locator("#destiny-board .tile img").first();
		assertThat(icon).hasAttribute("src", java.util.regex.Pattern.compile("^" + bungie.baseUrl() + "/assets/destiny/"));
		page.waitForCondition(() -> Boolean.TRUE.equals(icon.evaluate("img => img.complete && img.naturalWidth > 0")));
		chromium.screenshotOfTheWindow("destiny-bungie-vault");

		// filter instantly
		Locator filter = page.getByLabel("Filter items");
		filter.fill("is:exotic is:weapon");
		Locator shown = page.locator("#destiny-board .tile:not(.filtered-out)");
		assertThat(shown.first()).isVisible();
		assertThat(shown.count()).isBetween(1, 40);
		assertThat(shown.evaluateAll("tiles => tiles.every(t => t.dataset.tier === 'Exotic')")).isEqualTo(true);
		assertThat(page.locator("#filter-shown")).hasText(String.valueOf(shown.count()));
		chromium.screenshot("destiny-bungie-vault-filtered");

		filter.fill("restless paragon");
		assertThat(shown).hasCount(1);
		assertThat(shown).hasAttribute("data-item", RESTLESS_PARAGON);
		String vaultCount = page.locator("#vault-count").textContent();
		page.evaluate("window.notReloaded = true");

		// move it to the Hunter from its menu
		shown.click();
		Locator menu = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Restless Paragon"));
		assertThat(menu).isVisible();
		chromium.screenshotOfTheWindow("destiny-bungie-item-menu");
		menu.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Move to Hunter")).click();
		Locator toast = page.locator(".move-toast[data-outcome]").last();
		assertThat(toast).hasAttribute("data-outcome", "success");
		assertThat(toast).containsText("Moved Restless Paragon to Hunter.");
		assertThat(page.locator(".tile[data-item='" + RESTLESS_PARAGON + "']")).hasCount(0);
		assertThat(page.locator("#vault-count")).hasText(String.valueOf(Integer.parseInt(vaultCount) - 1));
		assertThat(page.evaluate("window.notReloaded")).isEqualTo(true);
		chromium.screenshotOfTheWindow("destiny-bungie-moved");

		List<JsonNode> transfers = bungie.bodies(FakeBungie.TRANSFER);
		assertThat(transfers).hasSize(1);
		JsonNode transfer = transfers.get(0);
		assertThat(transfer.propertyNames()).containsExactlyInAnyOrder("itemReferenceHash", "stackSize",
				"transferToVault", "itemId", "characterId", "membershipType");
		assertThat(transfer.path("itemReferenceHash").asLong()).isEqualTo(RESTLESS_PARAGON_HASH);
		assertThat(transfer.path("stackSize").asInt()).isEqualTo(1);
		assertThat(transfer.path("transferToVault").asBoolean()).isFalse();
		assertThat(transfer.path("itemId").asString()).isEqualTo(RESTLESS_PARAGON);
		assertThat(transfer.path("characterId").asString()).isEqualTo(HUNTER);
		assertThat(transfer.path("membershipType").asInt()).isEqualTo(3);
		assertThat(bungie.whereIs(RESTLESS_PARAGON)).isEqualTo(HUNTER);

		// on the Hunter, it is carried; equip it there
		page.locator(".board-tabs").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Hunter")).click();
		assertThat(page.locator("h1")).hasText("Hunter");
		page.waitForLoadState(LoadState.LOAD);
		page.getByLabel("Filter items").fill("");
		Locator moved = page.locator("#bucket-" + KINETIC + " .tiles .tile[data-item='" + RESTLESS_PARAGON + "']");
		assertThat(moved).hasAttribute("data-equipped", "false");
		page.evaluate("window.notReloaded = true");
		moved.click();
		page.getByRole(AriaRole.DIALOG)
			.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Equip on Hunter"))
			.click();
		toast = page.locator(".move-toast[data-outcome]").last();
		assertThat(toast).hasAttribute("data-outcome", "success");
		assertThat(toast).containsText("Equipped Restless Paragon on Hunter.");
		Locator equipped = page.locator("#bucket-" + KINETIC + " .slot-equipped .tile");
		assertThat(equipped).hasAttribute("data-item", RESTLESS_PARAGON);
		assertThat(equipped).hasAttribute("data-equipped", "true");
		assertThat(page.evaluate("window.notReloaded")).isEqualTo(true);
		chromium.screenshot("destiny-bungie-equipped");

		List<JsonNode> equips = bungie.bodies(FakeBungie.EQUIP);
		assertThat(equips).hasSize(1);
		assertThat(equips.get(0).propertyNames()).containsExactlyInAnyOrder("itemId", "characterId", "membershipType");
		assertThat(equips.get(0).path("itemId").asString()).isEqualTo(RESTLESS_PARAGON);
		assertThat(equips.get(0).path("characterId").asString()).isEqualTo(HUNTER);
		assertThat(equips.get(0).path("membershipType").asInt()).isEqualTo(3);
		assertThat(bungie.bodies(FakeBungie.TRANSFER)).as("already on the Hunter: no transfer").hasSize(1);
		assertThat(bungie.whereIs(RESTLESS_PARAGON)).isEqualTo(HUNTER + " equipped");

		for (String action : List.of(FakeBungie.TRANSFER, FakeBungie.EQUIP)) {
			BungieStub.Request request = bungie.stub().requests("POST", action).get(0);
			assertThat(request.header("Authorization")).isEqualTo("Bearer " + bungie.accessToken());
			assertThat(request.header("X-API-Key")).isEqualTo(FakeBungie.API_KEY);
		}
		assertThat(bungie.problems()).isEmpty();
	}

	@Test
	void whenBungieSaysThereIsNoRoomThePlayerIsToldAndTheItemStaysInTheVault() {
		bungie.refuseNextTransfer(BungieStub.error(1642, "DestinyNoRoomInDestination",
				"There are no item slots available to transfer this item."));
		page.getByLabel("Filter items").fill("restless paragon");
		page.locator("#destiny-board .tile:not(.filtered-out)").click();
		page.getByRole(AriaRole.DIALOG)
			.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Move to Warlock"))
			.click();

		Locator toast = page.locator(".move-toast[data-outcome]").last();
		assertThat(toast).hasAttribute("data-outcome", "failure");
		assertThat(toast).containsText("There is no room for Restless Paragon in Warlock: make space there first.");
		Locator stays = page.locator(".tile[data-item='" + RESTLESS_PARAGON + "']");
		assertThat(stays).hasCount(1);
		assertThat(stays).not().hasClass(java.util.regex.Pattern.compile("is-moving"));
		chromium.screenshotOfTheWindow("destiny-bungie-no-room");

		assertThat(bungie.bodies(FakeBungie.TRANSFER)).singleElement()
			.satisfies(body -> assertThat(body.path("characterId").asString()).isEqualTo(WARLOCK));
		assertThat(bungie.whereIs(RESTLESS_PARAGON)).isEqualTo("vault");
		assertThat(bungie.problems()).isEmpty();
	}

}
