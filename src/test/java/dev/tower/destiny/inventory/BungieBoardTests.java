package dev.tower.destiny.inventory;

import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.tower.account.AccountService;
import dev.tower.destiny.BungieOnStub;
import dev.tower.destiny.BungieStub;
import dev.tower.destiny.FakeBungie;
import dev.tower.destiny.manifest.ManifestProgress;
import dev.tower.destiny.manifest.ManifestUpdater;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
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
		String authorize = mvc.perform(get("/destiny/login").session(session).with(user("alice")))
			.andReturn().getResponse().getRedirectedUrl();
		mvc.perform(get(bungie.approve(authorize)).session(session).with(user("alice")))
			.andExpect(redirectedUrl("/destiny"));
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
		assertThat(page("/destiny/xur")).contains("Eventide Harbinger").contains("Legendary Shards");
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

	private String page(String path) throws Exception {
		return mvc.perform(get(path).session(session).with(user("alice")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
	}

}
