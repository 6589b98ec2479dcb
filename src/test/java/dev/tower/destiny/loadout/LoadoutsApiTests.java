package dev.tower.destiny.loadout;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.tower.TowerTest;
import dev.tower.account.AccountService;
import dev.tower.account.ApiTokenService;
import dev.tower.account.TokenScope;
import dev.tower.destiny.inventory.DemoManifestForTests;
import dev.tower.results.ResultsAccess;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The loadouts API on the demo board: each player's own list, names checked, and requests that cannot be done. */
@TowerTest
@Import(DemoManifestForTests.class)
class LoadoutsApiTests {

	static final String TITAN = "2305843009301234561";

	static final String HUNTER = "2305843009301234562";

	static final String API = "/api/v1/destiny/loadouts";

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	ApiTokenService tokens;

	final MockHttpSession session = new MockHttpSession();

	@BeforeEach
	void players() {
		accounts.create("alice", "alice-kettle-harbour", false);
		accounts.create("bob", "bob-kettle-harbour", false);
	}

	@Test
	void aPlayerSavesListsRenamesAndDeletesTheirOwnLoadouts() throws Exception {
		save("alice", "  PvP  ", TITAN).andExpect(status().isCreated())
			.andExpect(header().string("Location", containsString(API + "/")))
			.andExpect(jsonPath("$.name").value("PvP"))
			.andExpect(jsonPath("$.className").value("Titan"))
			.andExpect(jsonPath("$.items", hasSize(8)))
			.andExpect(jsonPath("$.items[0].name").value("Vesper Epitaph"));
		long id = idOf("alice", "PvP");

		send("alice", patch(API + "/" + id).contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Raid\"}"))
			.andExpect(status().isNoContent());
		send("alice", get(API)).andExpect(jsonPath("$[0].name").value("Raid"));
		send("bob", get(API)).andExpect(content().json("[]"));
		send("bob", delete(API + "/" + id)).andExpect(status().isNotFound());
		send("bob", post(API + "/" + id + "/apply").param("character", TITAN)).andExpect(status().isNotFound());

		send("alice", delete(API + "/" + id)).andExpect(status().isNoContent());
		send("alice", get(API)).andExpect(content().json("[]"));
		send("alice", delete(API + "/" + id)).andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void namesAreCheckedAndADuplicateIsRefusedWhateverItsCase() throws Exception {
		problem(save("alice", " ", TITAN), 400, "Name the loadout: the name is blank.");
		problem(save("alice", "x".repeat(61), TITAN), 400, "A loadout name has at most 60 characters; this one has 61.");
		save("alice", "x".repeat(60), TITAN).andExpect(status().isCreated());
		save("alice", "PvP", TITAN).andExpect(status().isCreated());
		problem(save("alice", "pvp", HUNTER), 409,
				"You already have a loadout named “pvp”: choose another name, or delete that one first.");
		save("bob", "PvP", TITAN).andExpect(status().isCreated());
		long id = idOf("alice", "PvP");
		problem(send("alice", patch(API + "/" + id).contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"\"}")),
				400, "Name the loadout: the name is blank.");
		problem(send("alice", patch(API + "/" + id).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"" + "x".repeat(60) + "\"}")), 409, "You already have a loadout named");
		problem(send("alice", patch(API + "/999999").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"A\"}")),
				404, "You have no such loadout.");
		send("alice", post(API).contentType(MediaType.APPLICATION_JSON).content("{\"name\":"))
			.andExpect(status().isBadRequest());
	}

	@Test
	void aLoadoutComesFromACharacterOnTheBoard() throws Exception {
		problem(send("alice", post(API).contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"PvP\"}")), 400,
				"Which character's equipment? The request names none.");
		problem(save("alice", "PvP", "2305843009301234569"), 404, "There is no such character on this board.");
	}

	@Test
	void applyingNeedsACharacterOfTheRightClassAndOtherwiseMovesNothing() throws Exception {
		save("alice", "PvP", TITAN).andExpect(status().isCreated());
		long id = idOf("alice", "PvP");

		problem(send("alice", post(API + "/" + id + "/apply")), 400, "Apply it to which character?");
		// refused before anything moves: a problem, even to a client that asked for the stream
		problem(send("alice", post(API + "/" + id + "/apply").param("character", HUNTER).accept("application/x-ndjson")),
				409,
				"Nothing was moved: “PvP” is a Titan loadout: Hunter cannot wear its armour.");
		problem(send("alice", post(API + "/999999/apply").param("character", TITAN)), 404, "You have no such loadout.");

		send("alice", post(API + "/" + id + "/apply").param("character", TITAN).accept("application/x-ndjson"))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/x-ndjson;charset=UTF-8"))
			.andExpect(content().string(containsString("\"message\":\"“PvP” is on Titan: 8 of 8 items in place.\"")));
	}

	@Test
	void aPlayersOwnTokenWritesLoadoutsWhileOtherScopesAndStrangersCannot() throws Exception {
		String player = tokens.issue("alice", "scripts", TokenScope.API).secret();
		String upload = tokens.issue("alice", "test-rig", ResultsAccess.UPLOAD).secret();
		String body = "{\"name\":\"Scripted\",\"character\":\"" + TITAN + "\"}";

		mvc.perform(post(API).header("Authorization", "Bearer " + player).contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isCreated());
		mvc.perform(get(API).header("Authorization", "Bearer " + player)).andExpect(jsonPath("$[0].name").value("Scripted"));
		mvc.perform(post(API).header("Authorization", "Bearer " + upload).contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isForbidden());
		mvc.perform(get(API)).andExpect(status().isUnauthorized());
	}

	private ResultActions save(String who, String name, String character) throws Exception {
		return send(who, post(API).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"" + name + "\",\"character\":\"" + character + "\"}"));
	}

	private long idOf(String who, String name) throws Exception {
		String list = send(who, get(API)).andReturn().getResponse().getContentAsString();
		return tools.jackson.databind.json.JsonMapper.builder().build().readTree(list).valueStream()
			.filter(l -> l.path("name").asString().equals(name))
			.findFirst()
			.orElseThrow()
			.path("id")
			.asLong();
	}

	private ResultActions send(String who, MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.session(session).with(user(who)).with(csrf()));
	}

	private static void problem(ResultActions result, int status, String detail) throws Exception {
		result.andExpect(status().is(status))
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString(detail)));
	}

}
