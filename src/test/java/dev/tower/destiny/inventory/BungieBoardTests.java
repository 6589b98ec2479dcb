package dev.tower.destiny.inventory;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.tower.account.AccountService;
import dev.tower.destiny.BungieOnStub;
import dev.tower.destiny.BungieStub;
import dev.tower.destiny.FakeBungie;
import dev.tower.destiny.manifest.ManifestCheck;
import dev.tower.destiny.manifest.ManifestProgress;
import dev.tower.destiny.manifest.ManifestTable;
import dev.tower.destiny.manifest.ManifestUpdater;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The board on Bungie.net (a stub speaking its wire format): the same pages and moves as the demo, with the
 * player's token, Bungie's paths and bodies, and Bungie's answers.
 */
@BungieOnStub
class BungieBoardTests {

	static final String MEMBERSHIP = "4611686018467284386";

	static final String PROFILE = "/Destiny2/3/Profile/" + MEMBERSHIP + "/";

	static final String TITAN = "2305843009301234561";

	static final String HUNTER = "2305843009301234562";

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

	/** Alice linked her Bungie.net account; Bungie.net has the demo manifest, installed, and her profile. */
	@BeforeEach
	void aLinkedPlayerWithAProfile() throws Exception {
		bungie.redirectingTo(URI.create("/destiny/callback")).player(MEMBERSHIP, "Stub Guardian");
		manifest.check(ManifestProgress.NONE);
		accounts.create("alice", "alice-kettle-harbour", false);
		bungie.link(mvc, session, "alice");
		inventories.forget(new Guardian("player:3:" + MEMBERSHIP, 3, MEMBERSHIP, "", null, false));
		stub.forgetRequests();
	}

	@Test
	void theVaultComesFromOneProfileCallWithThePlayersTokenAndIsNotFetchedAgainRightAway() throws Exception {
		String html = page("/destiny");
		page("/destiny/characters/" + TITAN);

		assertThat(html).doesNotContain("Demo data.").contains("The Last Lantern");
		// icons are paths under Bungie.net
		assertThat(html).contains("src=\"" + bungie.baseUrl() + "/assets/destiny/icons/hand-cannon.svg\"");
		List<BungieStub.Request> calls = stub.requests("GET", "/Platform" + PROFILE);
		assertThat(calls).hasSize(1);
		assertThat(calls.get(0).query()).isEqualTo("components=100,102,200,201,205,300");
		assertThat(calls.get(0).header("Authorization")).isEqualTo("Bearer " + bungie.accessToken());
		assertThat(calls.get(0).header("X-API-Key")).isEqualTo(FakeBungie.API_KEY);
		assertThat(bungie.problems()).isEmpty();
	}

	@Test
	void whenBungieSaysXursVendorIsNotFoundHeIsNotHere() throws Exception {
		String vendor = "/Platform" + PROFILE + "Character/" + TITAN + "/Vendors/2190858386/";
		stub.on("GET", vendor, request -> BungieStub.error(1627, "DestinyVendorNotFound",
				"The Vendor you were looking for was not found."));

		String html = page("/destiny/xur");

		assertThat(html).contains("Xûr is not here").contains("Friday").contains("17:00 UTC");
		assertThat(stub.requests("GET", vendor)).singleElement()
			.satisfies(r -> assertThat(r.query()).isEqualTo("components=400,402"));
	}

	@Test
	void whenHeIsThereHisWaresAreShown() throws Exception {
		stub.platform("GET", PROFILE + "Character/" + TITAN + "/Vendors/2190858386/",
				BundledDefinitions.read("destiny/demo/xur.json"));
		assertThat(page("/destiny/xur")).contains("Eventide Harbinger").contains("Legendary Shards")
			.contains("Xûr is at <strong>The Tower, The Last City</strong>");
	}

	/** A manifest without the destination his vendorLocationIndex points at: the page says nothing of where he is. */
	@Test
	void whenTheManifestDoesNotNameWhereHeIsThePageSaysNothingOfIt() throws Exception {
		Map<String, byte[]> tables = new LinkedHashMap<>();
		for (ManifestTable table : ManifestTable.values()) {
			tables.put(table.bungieName(), table == ManifestTable.DESTINATIONS ? "{}".getBytes()
					: BundledDefinitions.json().writeValueAsBytes(
							BundledDefinitions.read("destiny/demo/manifest/" + table.bungieName() + ".json")));
		}
		stub.manifest("no-destinations-1", tables);
		assertThat(manifest.check(ManifestProgress.NONE).outcome()).isEqualTo(ManifestCheck.Outcome.UPDATED);
		stub.platform("GET", PROFILE + "Character/" + TITAN + "/Vendors/2190858386/",
				BundledDefinitions.read("destiny/demo/xur.json"));

		assertThat(page("/destiny/xur")).contains("Eventide Harbinger").doesNotContain("Xûr is at")
			.doesNotContain("xur-where");
	}

	@Test
	void characterToCharacterIsTwoTransfersAndASecondRefusalSaysWhereTheItemIs() throws Exception {
		AtomicInteger transfers = new AtomicInteger();
		stub.on("POST", FakeBungie.TRANSFER,
				request -> transfers.incrementAndGet() == 1 ? BungieStub.success(0)
						: BungieStub.error(1642, "DestinyNoRoomInDestination",
								"There are no item slots available to transfer this item."));
		String item = DestinyBoardTests.firstCarriedInstance(page("/destiny/characters/" + TITAN));

		String answer = mvc.perform(post("/destiny/items/move").session(session).with(user("alice")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"item\":\"" + item + "\",\"to\":\"" + HUNTER + "\"}"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();

		String[] lines = answer.strip().split("\n");
		assertThat(lines).hasSize(3);
		assertThat(lines[2]).contains("There is no room for").contains("in Hunter").contains("is in the vault now.")
			.contains("\"status\":409").contains("\"where\":\"in the vault\"");
		List<BungieStub.Request> bodies = stub.requests("POST", FakeBungie.TRANSFER);
		assertThat(bodies).hasSize(2);
		JsonNode first = BundledDefinitions.json().readTree(bodies.get(0).body());
		assertThat(first.propertyNames()).containsExactlyInAnyOrder("itemReferenceHash", "stackSize", "transferToVault",
				"itemId", "characterId", "membershipType");
		assertThat(first.path("itemId").asString()).isEqualTo(item);
		assertThat(first.path("characterId").asString()).isEqualTo(TITAN);
		assertThat(first.path("transferToVault").asBoolean()).isTrue();
		assertThat(first.path("membershipType").asInt()).isEqualTo(3);
		JsonNode second = BundledDefinitions.json().readTree(bodies.get(1).body());
		assertThat(second.path("characterId").asString()).isEqualTo(HUNTER);
		assertThat(second.path("transferToVault").asBoolean()).isFalse();
		assertThat(bodies.get(1).header("Authorization")).isEqualTo("Bearer " + bungie.accessToken());
		// the board is fetched again after a move
		page("/destiny");
		assertThat(stub.requests("GET", "/Platform" + PROFILE)).hasSize(2);
	}

	@Test
	void theItemWindowAsksBungieForThatItemAloneAndSaysWhatThePrivacySettingsHide() throws Exception {
		String item = DestinyBoardTests.firstCarriedInstance(page("/destiny/characters/" + TITAN));

		mvc.perform(get("/api/v1/destiny/items/{key}", item).session(session).with(user("alice")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.stats[0].name").value("Impact"))
			.andExpect(jsonPath("$.sockets[0].name").value("Weapon perks"))
			.andExpect(jsonPath("$.sockets[0].plugs[0].icon").value(startsWith(bungie.baseUrl() + "/assets/destiny/icons/")));

		List<BungieStub.Request> calls = stub.requests("GET", "/Platform" + PROFILE + "Item/" + item + "/");
		assertThat(calls).singleElement().satisfies(call -> {
			assertThat(call.query()).isEqualTo("components=300,304,305");
			assertThat(call.header("Authorization")).isEqualTo("Bearer " + bungie.accessToken());
		});
		assertThat(stub.requests("GET", "/Platform" + PROFILE)).hasSize(1);

		// the player's privacy settings hide stats and sockets: {"privacy": 2} and no data, as Bungie answers
		stub.platform("GET", PROFILE + "Item/" + item + "/", BundledDefinitions.json().readTree("""
				{"characterId": "%s", "item": {"data": {"itemHash": 1, "itemInstanceId": "%s"}, "privacy": 1},
				 "instance": {"data": {"isEquipped": false}, "privacy": 1},
				 "stats": {"privacy": 2}, "sockets": {"data": {"sockets": []}, "privacy": 2}}""".formatted(TITAN, item)));
		mvc.perform(get("/api/v1/destiny/items/{key}", item).session(session).with(user("alice")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.stats.length()").value(0))
			.andExpect(jsonPath("$.statsNote").value("hidden by the player's privacy settings"))
			.andExpect(jsonPath("$.socketsNote").value("hidden by the player's privacy settings"));
		assertThat(bungie.problems()).isEmpty();

		// an account without a Bungie.net login has no items to show
		accounts.create("bob", "bob-kettle-harbour", false);
		mvc.perform(get("/api/v1/destiny/items/{key}", item).with(user("bob")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.login").value("/destiny/login"));
	}

	@Test
	void aRealProfileKeepsEveryStackUnknownBucketAndDefinitionWithoutTierOrIcon() throws Exception {
		installManifestWithRealWorldDefinitions();
		stub.platform("GET", PROFILE, realProfile());

		String vault = page("/destiny");
		String hunter = page("/destiny/characters/" + HUNTER);

		// 5 in the vault, 4 on the Hunter: nothing dropped
		assertThat(vault).contains("<span>9</span> items across the vault");
		assertThat(vault).contains("data-item=\"vault:1100000002\"").contains("data-item=\"vault:1100000002#2\"")
			.contains("×9999").contains("×1234");
		// a bucket no definition names has its own group; a definition without tier or icon is a Basic tile
		assertThat(vault).contains("Unknown bucket 3284755031</span>");
		assertThat(tile(vault, "Odd Engram")).contains("data-tier=\"Basic\"").contains("bi-question-diamond")
			.doesNotContain("is-classified");
		assertThat(tile(vault, "Nameless Token")).contains("data-tier=\"Rare\"");
		// two stacks of one item at the postmaster
		assertThat(hunter).contains("data-item=\"" + HUNTER + ":postmaster:1100000002\"")
			.contains("data-item=\"" + HUNTER + ":postmaster:1100000002#2\"").contains("×3").contains("×5");
		assertThat(hunter).contains("Unknown bucket 3284755031</span>").contains("The Last Lantern");
		mvc.perform(get("/api/v1/destiny/items/{key}", HUNTER + ":postmaster:1100000002#2").session(session)
			.with(user("alice")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.description").value("Glimmer, in a box."));
		assertThat(bungie.problems()).isEmpty();
	}

	@Test
	void componentsThePrivacySettingsHideAreNamedAndTheRestIsShown() throws Exception {
		installManifestWithRealWorldDefinitions();
		ObjectNode profile = realProfile();
		// both shapes Bungie answers a private component with
		profile.set("profileInventory", BundledDefinitions.json().readTree("{\"data\": {\"items\": []}, \"privacy\": 2}"));
		profile.set("characterInventories", BundledDefinitions.json().readTree("{\"privacy\": 2}"));
		stub.platform("GET", PROFILE, profile);

		String vault = page("/destiny");
		String hunter = page("/destiny/characters/" + HUNTER);

		assertThat(vault).contains("<span>the vault and account-wide items and what the characters carry</span>, "
				+ "hidden by the player's privacy settings");
		assertThat(hunter).contains("hidden by the player's privacy settings").contains("The Last Lantern");
		assertThat(vault).contains("<span class=\"vault-count\">hidden</span>").doesNotContain("id=\"vault-count\"");
	}

	private static ObjectNode realProfile() {
		return (ObjectNode) BundledDefinitions.read("destiny/real/profile.json");
	}

	/** Bungie.net's manifest becomes the demo's with the real-world definitions of {@code manifest-extra.json}. */
	private void installManifestWithRealWorldDefinitions() {
		Map<String, byte[]> tables = new LinkedHashMap<>();
		for (ManifestTable table : ManifestTable.values()) {
			ObjectNode definitions = (ObjectNode) BundledDefinitions.read("destiny/demo/manifest/" + table.bungieName() + ".json");
			if (table == ManifestTable.ITEMS) {
				definitions.setAll((ObjectNode) BundledDefinitions.read("destiny/real/manifest-extra.json"));
			}
			tables.put(table.bungieName(), BundledDefinitions.json().writeValueAsBytes(definitions));
		}
		stub.manifest("real-world-1", tables);
		assertThat(manifest.check(ManifestProgress.NONE).outcome()).isEqualTo(ManifestCheck.Outcome.UPDATED);
		inventories.forget(new Guardian("player:3:" + MEMBERSHIP, 3, MEMBERSHIP, "", null, false));
	}

	private static String tile(String html, String name) {
		int at = html.indexOf("data-name=\"" + name + "\"");
		assertThat(at).as(name).isPositive();
		return html.substring(html.lastIndexOf("<div role=\"button\"", at), html.indexOf("</div>", at));
	}

	private String page(String path) throws Exception {
		return mvc.perform(get(path).session(session).with(user("alice")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
	}

}
