package dev.tower.destiny.inventory;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.tower.TowerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The board in demo mode (no Bungie application configured), the development default. */
@TowerTest
@Import(DemoManifestForTests.class)
class DestinyBoardTests {

	static final String TITAN = "2305843009301234561";

	static final String HUNTER = "2305843009301234562";

	@Autowired
	MockMvc mvc;

	final MockHttpSession session = new MockHttpSession();

	@Test
	void theVaultPageShowsSeveralHundredItemsByBucketLabelledAsDemoData() throws Exception {
		String html = page("/destiny");

		assertThat(html).contains("Demo data.").contains("Kinetic Weapons").contains("Classified");
		assertThat(tiles(html)).hasSizeGreaterThan(400);
		assertThat(html.indexOf("Kinetic Weapons</span>")).isLessThan(html.indexOf("Energy Weapons</span>"));
		assertThat(html.indexOf("Modifications</span>")).isLessThan(html.indexOf("Classified</span>"));
		assertThat(html).containsPattern("id=\"vault-count\">\\d{3}</span> / <span>700</span>");
		assertThat(html).contains("The Last Lantern").contains("tier-exotic").contains("/assets/destiny/icons/");
		assertThat(html).contains("data-drop=\"" + TITAN + "\"").contains("data-drop=\"vault\"");
	}

	@Test
	void aCharacterPageShowsItsSlotsPowerAndPostmaster() throws Exception {
		String html = page("/destiny/characters/" + HUNTER);

		assertThat(html).contains("<h1>Hunter</h1>").contains("id=\"postmaster\"").contains("Sealed Vanguard Orders");
		assertThat(html).containsPattern("id=\"character-light\">20\\d\\d<");
		assertThat(html).contains("data-drop-equip=\"true\"");
		assertThat(tiles(html)).hasSizeGreaterThan(30);

		mvc.perform(get("/destiny/characters/4611686018467284386").session(session).with(user("alice")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/destiny/characters/<script>").session(session).with(user("alice")))
			.andExpect(status().isNotFound());
	}

	@Test
	void xurShowsHisWares() throws Exception {
		String html = page("/destiny/xur");
		assertThat(html).contains("Agent of the Nine").contains("id=\"xur-sales\"").contains("Legendary Shards");
		assertThat(html.split("class=\"sale ")).hasSize(6);
		assertThat(html).contains("Xûr is at <strong>The Tower, The Last City</strong>");
	}

	@Test
	void aMoveStreamsItsHopsAndTheBoardShowsTheResult() throws Exception {
		String titanPage = page("/destiny/characters/" + TITAN);
		String item = firstCarriedInstance(titanPage);

		String answer = mvc.perform(move("{\"item\":\"" + item + "\",\"to\":\"" + HUNTER + "\",\"equip\":false}"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("application/x-ndjson"))
			.andReturn().getResponse().getContentAsString();

		List<String> lines = Arrays.asList(answer.strip().split("\n"));
		assertThat(lines).hasSize(3);
		assertThat(lines.get(0)).contains("\"step\":1").contains("\"of\":2").contains("to the vault");
		assertThat(lines.get(1)).contains("\"step\":2").contains("to Hunter");
		assertThat(lines.get(2)).contains("\"done\":true").contains("on Hunter");
		assertThat(page("/destiny/characters/" + HUNTER)).contains("data-item=\"" + item + "\"");
		assertThat(page("/destiny/characters/" + TITAN)).doesNotContain("data-item=\"" + item + "\"");
	}

	@Test
	void eachBrowserSessionHasItsOwnDemoBoard() throws Exception {
		String item = firstCarriedInstance(page("/destiny/characters/" + TITAN));
		mvc.perform(move("{\"item\":\"" + item + "\",\"to\":\"vault\"}")).andExpect(status().isOk());

		String elsewhere = mvc.perform(get("/destiny/characters/" + TITAN).session(new MockHttpSession()).with(user("bob")))
			.andReturn().getResponse().getContentAsString();
		assertThat(elsewhere).contains("data-item=\"" + item + "\"");
	}

	@Test
	void badMovesAreClearClientErrors() throws Exception {
		String vault = page("/destiny");
		String classified = Pattern.compile("data-item=\"([^\"]+)\"[^>]*data-classified=\"true\"").matcher(vault)
			.results().findFirst().orElseThrow().group(1);
		mvc.perform(move("{\"item\":\"" + classified + "\",\"to\":\"" + TITAN + "\"}"))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("Classified items cannot be moved")));
		mvc.perform(move("{\"item\":\"6917529999999999999\",\"to\":\"vault\"}"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("no longer on the board")));
		mvc.perform(move("{\"item\":\"6917529999999999999\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("no destination")));
		mvc.perform(move("{not json")).andExpect(status().isBadRequest());
		mvc.perform(post("/destiny/items/move").session(session).with(user("alice")).with(csrf())
			.contentType(MediaType.TEXT_PLAIN).content("vault")).andExpect(status().isUnsupportedMediaType());
		// a page action: without the CSRF token it is refused
		mvc.perform(post("/destiny/items/move").session(session).with(user("alice"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"item\":\"1\",\"to\":\"vault\"}"))
			.andExpect(status().isForbidden());
	}

	@Test
	void strangersAreSentToSignIn() throws Exception {
		mvc.perform(get("/destiny")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
	}

	private String page(String path) throws Exception {
		return mvc.perform(get(path).session(session).with(user("alice")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
	}

	private MockHttpServletRequestBuilder move(String json) {
		return post("/destiny/items/move").session(session).with(user("alice")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content(json);
	}

	static List<String> tiles(String html) {
		return Pattern.compile(" class=\"tile ").matcher(html).results().map(r -> r.group()).toList();
	}

	/** The first non-equipped, instanced item in a character's energy weapons. */
	static String firstCarriedInstance(String html) {
		int row = html.indexOf("id=\"bucket-2465295065\"");
		int carried = html.indexOf("class=\"tiles\"", row);
		Matcher item = Pattern.compile("data-item=\"(\\d{10,})\"").matcher(html);
		assertThat(item.find(carried)).isTrue();
		return item.group(1);
	}

}
