package dev.tower.destiny.inventory;

import dev.tower.TowerTest;
import dev.tower.destiny.manifest.ManifestCheck;
import dev.tower.destiny.manifest.ManifestProgress;
import dev.tower.destiny.manifest.ManifestUpdater;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The development default end to end: the bundled demo manifest installed by the manifest's own updater, read
 * back through its definitions, decodes the bundled demo profile.
 */
@TowerTest
class DemoManifestBoardTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ManifestUpdater updater;

	@Test
	void theInstalledDemoManifestDecodesTheDemoVault() throws Exception {
		String before = mvc.perform(get("/destiny").with(user("alice"))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(before).contains("The Destiny manifest is not loaded yet");

		assertThat(updater.check(ManifestProgress.NONE).outcome()).isEqualTo(ManifestCheck.Outcome.UPDATED);

		String html = mvc.perform(get("/destiny").with(user("bob"))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(html).doesNotContain("not loaded yet").contains("The Last Lantern").contains("Kinetic Weapons")
			.contains("<span>4</span> Classified").containsPattern("id=\"vault-count\">\\d{3}</span> / <span>700</span>");
		assertThat(DestinyBoardTests.tiles(html)).hasSizeGreaterThan(400);
	}

}
