package dev.tower.destiny.inventory;

import java.util.function.Predicate;

import dev.tower.TowerTest;
import dev.tower.destiny.manifest.ManifestProgress;
import dev.tower.destiny.manifest.ManifestUpdater;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The item window's details in demo mode, end to end: the demo's {@code GetItem} (components 300, 304, 305) read
 * through the installed demo manifest's stat groups, socket categories and plug definitions.
 */
@TowerTest
class ItemWindowTests {

	private static final JsonNode PROFILE = BundledDefinitions.demoProfile();

	private static final JsonNode ITEMS = BundledDefinitions.read("destiny/demo/manifest/DestinyInventoryItemDefinition.json");

	@Autowired
	MockMvc mvc;

	@Autowired
	ManifestUpdater manifest;

	final MockHttpSession session = new MockHttpSession();

	@BeforeEach
	void theDemoManifestIsInstalled() {
		manifest.check(ManifestProgress.NONE);
	}

	@Test
	void aMasterworkedWeaponShowsTheGamesStatsItsPerksAndModsAndItsMasterwork() throws Exception {
		String weapon = vaultInstance(d -> d.path("itemType").asInt() == 3, true);

		details(weapon).andExpect(status().isOk())
			.andExpect(jsonPath("$.key").value(weapon))
			.andExpect(jsonPath("$.power").value(not(0)))
			// the stat group's stats in its order; Aim Assistance and Zoom, in no group, stay hidden
			.andExpect(jsonPath("$.stats[*].name").value(contains("Impact", "Range", "Stability", "Handling",
					"Reload Speed", "Rounds Per Minute", "Magazine")))
			.andExpect(jsonPath("$.stats[0].maximum").value(100))
			.andExpect(jsonPath("$.stats[0].numeric").value(false))
			.andExpect(jsonPath("$.stats[5].numeric").value(true))
			.andExpect(jsonPath("$.stats[*].masterworkBonus").value(hasItem(10)))
			.andExpect(jsonPath("$.sockets[*].name").value(contains("Weapon perks", "Weapon mods")))
			.andExpect(jsonPath("$.sockets[0].plugs.length()").value(5))
			.andExpect(jsonPath("$.sockets[0].plugs[*].description").value(everyItem(not(""))))
			.andExpect(jsonPath("$.sockets[0].plugs[0].icon").value("/assets/destiny/icons/perk.svg"))
			.andExpect(jsonPath("$.sockets[1].plugs.length()").value(1))
			.andExpect(jsonPath("$.masterwork.name").value(startsWith("Masterworked: ")))
			.andExpect(jsonPath("$.masterwork.type").value("Masterwork"))
			.andExpect(jsonPath("$.masterworked").value(true))
			.andExpect(jsonPath("$.statsNote").value(nullValue()));
	}

	@Test
	void anArmourPieceShowsItsSixStatsOnTheArmourScaleAndItsMods() throws Exception {
		String armour = vaultInstance(d -> d.path("itemType").asInt() == 2 && d.path("inventory").path("tierType").asInt() == 6,
				false);

		details(armour).andExpect(status().isOk())
			.andExpect(jsonPath("$.stats[*].name").value(contains("Mobility", "Resilience", "Recovery", "Discipline",
					"Intellect", "Strength")))
			.andExpect(jsonPath("$.stats[*].maximum").value(everyItem(is(42))))
			.andExpect(jsonPath("$.sockets[*].name").value(contains("Armor perks", "Armor mods")))
			.andExpect(jsonPath("$.sockets[0].plugs[0].name").value(containsString("Exotic Perk")))
			.andExpect(jsonPath("$.sockets[1].plugs.length()").value(2))
			.andExpect(jsonPath("$.masterwork.name").value("Upgrade Armor"))
			.andExpect(jsonPath("$.masterworked").value(false));
	}

	@Test
	void aStackShowsItsDescriptionAndAnItemNotOnTheBoardIsAProblem() throws Exception {
		String quest = DestinyBoardTests.HUNTER + ":postmaster:" + hashOf("Sealed Vanguard Orders");
		details(quest).andExpect(status().isOk())
			.andExpect(jsonPath("$.description").value(startsWith("Orders from Commander Zavala.")))
			.andExpect(jsonPath("$.stats.length()").value(0))
			.andExpect(jsonPath("$.sockets.length()").value(0));

		details("6917529901299999999").andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("not on your board")));
	}

	private ResultActions details(String key) throws Exception {
		return mvc.perform(get("/api/v1/destiny/items/{key}", key).session(session).with(user("alice")));
	}

	/** The first vault item of a kind, masterworked (state bit 4) or not. */
	static String vaultInstance(Predicate<JsonNode> kind, boolean masterworked) {
		for (JsonNode item : PROFILE.path("profileInventory").path("data").path("items")) {
			JsonNode definition = ITEMS.path(item.path("itemHash").asString());
			if (item.has("itemInstanceId") && !definition.path("redacted").asBoolean(true) && kind.test(definition)
					&& ((item.path("state").asInt() & 4) != 0) == masterworked) {
				return item.path("itemInstanceId").asString();
			}
		}
		throw new IllegalStateException("the demo vault has no such item");
	}

	static String hashOf(String name) {
		return ITEMS.propertyStream()
			.filter(e -> e.getValue().path("displayProperties").path("name").asString("").equals(name))
			.map(java.util.Map.Entry::getKey)
			.findFirst()
			.orElseThrow();
	}

}
