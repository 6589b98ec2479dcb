package dev.tower.destiny.loadout;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.tower.account.AccountService;
import dev.tower.destiny.BungieOnStub;
import dev.tower.destiny.BungieStub;
import dev.tower.destiny.FakeBungie;
import dev.tower.destiny.inventory.Guardian;
import dev.tower.destiny.inventory.Inventories;
import dev.tower.destiny.manifest.ManifestProgress;
import dev.tower.destiny.manifest.ManifestUpdater;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Loadouts on Bungie.net (a stub speaking its wire format, with the game's rules): the Titan's kit is saved, its
 * kinetic weapon ends up worn by the Hunter and its power weapon in the vault; applying the kit brings the first
 * back through the vault and the second from it, with Bungie's exact bodies, and a refusal midway stops the rest.
 */
@BungieOnStub
class LoadoutsOnBungieTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final String MEMBERSHIP = "4611686018467284386";

	static final String TITAN = "2305843009301234561";

	static final String HUNTER = "2305843009301234562";

	static final String VESPER = "6917529901236239314";

	static final String CINDER = "6917529901236293880";

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	Inventories inventories;

	@Autowired
	ManifestUpdater manifest;

	@Autowired
	FakeBungie bungie;

	@Autowired
	BungieStub stub;

	final MockHttpSession session = new MockHttpSession();

	long loadout;

	/** Alice linked her Bungie.net account and saved what her Titan wears; then its weapons went elsewhere. */
	@BeforeEach
	void theTitansKitSavedAndScattered() throws Exception {
		bungie.redirectingTo(URI.create("/destiny/callback")).player(MEMBERSHIP, "Stub Guardian");
		manifest.check(ManifestProgress.NONE);
		accounts.create("alice", "alice-kettle-harbour", false);
		bungie.link(mvc, session, "alice");
		inventories.forget(new Guardian("player:3:" + MEMBERSHIP, 3, MEMBERSHIP, "", null, false));
		String saved = mvc.perform(post("/api/v1/destiny/loadouts").session(session).with(user("alice")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Titan kit\",\"character\":\"" + TITAN + "\"}"))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		JsonNode loadoutJson = JSON.readTree(saved);
		loadout = loadoutJson.path("id").asLong();
		assertThat(loadoutJson.path("className").asString()).isEqualTo("Titan");
		assertThat(loadoutJson.path("items").valueStream().map(i -> i.path("name").asString()))
			.containsExactly("Vesper Epitaph", "Starfall Oath", "Cinder Tempest", "Starbound Helm", "Bulwark Gauntlets",
					"Deep Explorer Plate", "Corsair Greaves", "Deep Explorer Mark");
		move(VESPER, HUNTER, true);
		move(CINDER, "vault", false);
		assertThat(bungie.whereIs(VESPER)).isEqualTo(HUNTER + " equipped");
		assertThat(bungie.whereIs(CINDER)).isEqualTo("vault");
		stub.forgetRequests();
	}

	@Test
	void applyingBringsAnItemWornByAnotherCharacterThroughTheVaultAndOneFromIt() throws Exception {
		List<JsonNode> lines = apply();

		JsonNode last = lines.get(lines.size() - 1);
		assertThat(last.path("done").asBoolean()).isTrue();
		assertThat(last.path("message").asString()).isEqualTo("“Titan kit” is on Titan: 8 of 8 items in place.");
		assertThat(steps(lines)).containsExactly("Equipping", "Moving Vesper Epitaph to the vault",
				"Moving Vesper Epitaph to Titan", "Equipping Vesper Epitaph on Titan", "Moving Cinder Tempest to Titan",
				"Equipping Cinder Tempest on Titan");
		assertThat(bungie.whereIs(VESPER)).isEqualTo(TITAN + " equipped");
		assertThat(bungie.whereIs(CINDER)).isEqualTo(TITAN + " equipped");
		List<JsonNode> transfers = bungie.bodies(FakeBungie.TRANSFER);
		assertThat(transfers).hasSize(3);
		assertThat(transfers.get(0).path("characterId").asString()).isEqualTo(HUNTER);
		assertThat(transfers.get(0).path("transferToVault").asBoolean()).isTrue();
		assertThat(transfers.get(1).path("characterId").asString()).isEqualTo(TITAN);
		assertThat(transfers.get(1).path("itemId").asString()).isEqualTo(VESPER);
		assertThat(transfers.get(1).path("transferToVault").asBoolean()).isFalse();
		assertThat(bungie.bodies(FakeBungie.EQUIP)).hasSize(3);
		assertThat(bungie.problems()).isEmpty();
	}

	@Test
	void aRefusalMidwayStopsTheRestAndSaysWhichItemsMovedAndWhichDidNot() throws Exception {
		bungie.refuseTransferAfter(2, BungieStub.error(1642, "DestinyNoRoomInDestination",
				"There are no item slots available to transfer this item."));

		List<JsonNode> lines = apply();

		JsonNode last = lines.get(lines.size() - 1);
		assertThat(last.has("done")).isFalse();
		assertThat(last.path("status").asInt()).isEqualTo(409);
		assertThat(last.path("error").asString())
			.isEqualTo("Stopped: There is no room for Cinder Tempest in Titan: make space there first.");
		assertThat(last.path("placed").valueStream().map(JsonNode::asString)).containsExactly("Vesper Epitaph",
				"Starbound Helm", "Deep Explorer Plate", "Corsair Greaves", "Deep Explorer Mark", "Starfall Oath",
				"Bulwark Gauntlets");
		assertThat(last.path("notPlaced")).singleElement().satisfies(left -> {
			assertThat(left.path("name").asString()).isEqualTo("Cinder Tempest");
			assertThat(left.path("reason").asString()).contains("There is no room for Cinder Tempest");
		});
		assertThat(lines).filteredOn(l -> l.has("placed") && l.path("placed").isString())
			.extracting(l -> l.path("placed").asString()).contains("Vesper Epitaph").doesNotContain("Cinder Tempest");
		assertThat(bungie.whereIs(VESPER)).isEqualTo(TITAN + " equipped");
		assertThat(bungie.whereIs(CINDER)).isEqualTo("vault");
		assertThat(bungie.bodies(FakeBungie.EQUIP)).hasSize(2);
		assertThat(bungie.problems()).isEmpty();
	}

	private List<JsonNode> apply() throws Exception {
		String answer = mvc.perform(post("/api/v1/destiny/loadouts/" + loadout + "/apply").param("character", TITAN)
			.session(session).with(user("alice")).with(csrf()).accept("application/x-ndjson"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		return answer.strip().lines().map(l -> JSON.readTree(l)).toList();
	}

	/** The step lines' texts; the replacement's name is the game's choice, so only its verb is kept. */
	private static List<String> steps(List<JsonNode> lines) {
		return lines.stream()
			.filter(l -> l.has("step"))
			.map(l -> l.path("text").asString())
			.map(text -> text.endsWith("in its place") ? "Equipping" : text)
			.toList();
	}

	private void move(String item, String to, boolean equip) throws Exception {
		String answer = mvc.perform(post("/destiny/items/move").session(session).with(user("alice")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"item\":\"" + item + "\",\"to\":\"" + to + "\",\"equip\":" + equip + "}"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(answer).contains("\"done\":true");
	}

}
