package dev.tower.destiny.inventory;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import dev.tower.TowerTest;
import dev.tower.account.AccountService;
import dev.tower.destiny.BungieStub;
import dev.tower.destiny.login.Player;
import dev.tower.destiny.login.Players;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The board on Bungie.net (a stub speaking its wire format): the same pages and moves as the demo, with the
 * player's token, Bungie's paths and bodies, and Bungie's answers.
 */
@TowerTest
@Import({ DemoManifestForTests.class, BungieBoardTests.LinkedPlayer.class })
class BungieBoardTests {

	static final BungieStub bungie = new BungieStub();

	static final String MEMBERSHIP = "4611686018467284386";

	static final String PROFILE = "/Destiny2/3/Profile/" + MEMBERSHIP + "/";

	static final String TITAN = "2305843009301234561";

	static final String HUNTER = "2305843009301234562";

	@DynamicPropertySource
	static void bungieOnTheStub(DynamicPropertyRegistry registry) {
		registry.add("tower.bungie.base-url", () -> bungie.baseUrl().toString());
		registry.add("tower.bungie.api-key", () -> "stub-key");
		registry.add("tower.bungie.client-id", () -> "12345");
		registry.add("tower.bungie.client-secret", () -> "stub-secret");
	}

	/** Every account is linked to the same Bungie.net player, with a fresh token. */
	@TestConfiguration(proxyBeanMethods = false)
	static class LinkedPlayer {

		@Bean
		@Primary
		Players linkedPlayers() {
			return accountId -> Optional.of(new Player(accountId, "20214567", 3, MEMBERSHIP, "Stub Guardian", "access-token"));
		}

	}

	@AfterAll
	static void stopStub() {
		bungie.close();
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	Inventories inventories;

	final MockHttpSession session = new MockHttpSession();

	@BeforeEach
	void aLinkedPlayerWithAProfile() {
		bungie.reset();
		accounts.create("alice", "alice-password", false);
		inventories.forget(new Guardian("player:3:" + MEMBERSHIP, 3, MEMBERSHIP, "", null, false));
		JsonNode profile = BundledDefinitions.demoProfile();
		bungie.platform("GET", PROFILE, profile);
	}

	@Test
	void theVaultComesFromOneProfileCallWithThePlayersTokenAndIsNotFetchedAgainRightAway() throws Exception {
		String html = page("/destiny");
		page("/destiny/characters/" + TITAN);

		assertThat(html).doesNotContain("Demo data.").contains("The Last Lantern");
		// icons are paths under Bungie.net
		assertThat(html).contains("src=\"" + bungie.baseUrl() + "/assets/destiny/icons/hand-cannon.svg\"");
		List<BungieStub.Request> calls = bungie.requests("GET", "/Platform" + PROFILE);
		assertThat(calls).hasSize(1);
		assertThat(calls.get(0).query()).isEqualTo("components=100,102,200,201,205,300");
		assertThat(calls.get(0).header("Authorization")).isEqualTo("Bearer access-token");
		assertThat(calls.get(0).header("X-API-Key")).isEqualTo("stub-key");
	}

	@Test
	void whenBungieSaysXursVendorIsNotFoundHeIsNotHere() throws Exception {
		String vendor = "/Platform" + PROFILE + "Character/" + TITAN + "/Vendors/2190858386/";
		bungie.on("GET", vendor, request -> BungieStub.error(1627, "DestinyVendorNotFound",
				"The Vendor you were looking for was not found."));

		String html = page("/destiny/xur");

		assertThat(html).contains("Xûr is not here").contains("Friday").contains("17:00 UTC");
		assertThat(bungie.requests("GET", vendor)).singleElement()
			.satisfies(r -> assertThat(r.query()).isEqualTo("components=400,402"));
	}

	@Test
	void whenHeIsThereHisWaresAreShown() throws Exception {
		bungie.platform("GET", PROFILE + "Character/" + TITAN + "/Vendors/2190858386/",
				BundledDefinitions.read("destiny/demo/xur.json"));
		assertThat(page("/destiny/xur")).contains("Eventide Harbinger").contains("Legendary Shards");
	}

	@Test
	void characterToCharacterIsTwoTransfersAndASecondRefusalSaysWhereTheItemIs() throws Exception {
		AtomicInteger transfers = new AtomicInteger();
		bungie.on("POST", "/Platform/Destiny2/Actions/Items/TransferItem/",
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
			.contains("\"where\":\"in the vault\"");
		List<BungieStub.Request> bodies = bungie.requests("POST", "/Platform/Destiny2/Actions/Items/TransferItem/");
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
		assertThat(bodies.get(1).header("Authorization")).isEqualTo("Bearer access-token");
		// the board is fetched again after a move
		page("/destiny");
		assertThat(bungie.requests("GET", "/Platform" + PROFILE)).hasSize(2);
	}

	private String page(String path) throws Exception {
		return mvc.perform(get(path).session(session).with(user("alice")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
	}

}
