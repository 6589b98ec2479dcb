package dev.tower.destiny.inventory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.tower.TowerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import dev.tower.destiny.bungie.Buckets;
import dev.tower.destiny.manifest.Definitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Server time of the vault page for 600 vault items and three full characters, the profile already fetched: the
 * whole request through Spring Security, the controller and Thymeleaf, in process (MockMvc). Not part of the test
 * suite (the name does not end in Tests): {@code bench/vault-page.sh} runs it.
 */
@TowerTest
@Import({ DemoManifestForTests.class, VaultPageBenchmark.BigProfile.class })
class VaultPageBenchmark {

	static final int VAULT_ITEMS = 600;

	static final int WARM_UP = Integer.getInteger("bench.warmup", 300);

	static final int RUNS = Integer.getInteger("bench.runs", 500);

	@TestConfiguration(proxyBeanMethods = false)
	static class BigProfile {

		/** The demo board, grown to 600 vault items and nine carried items in every weapon and armour slot. */
		@Bean
		@Primary
		DestinyApi bigProfileApi(Definitions definitions) {
			JsonNode profile = grow(BundledDefinitions.demoProfile());
			return new XurTests.DelegatingApi(new DemoDestinyApi(definitions, BundledDefinitions.json())) {
				@Override
				public JsonNode profile(Guardian guardian) {
					return profile;
				}
			};
		}

	}

	@Autowired
	MockMvc mvc;

	@Autowired
	Inventories inventories;

	@Test
	void vaultPage() throws Exception {
		MockHttpSession session = new MockHttpSession();
		String html = mvc.perform(get("/destiny").session(session).with(user("bench"))).andReturn().getResponse()
			.getContentAsString();
		assertThat(html).contains("id=\"vault-count\">" + VAULT_ITEMS + "</span>");
		Guardian guardian = new Guardian("demo:" + session.getId(), 3, Guardians.DEMO_MEMBERSHIP_ID, "", null, true);
		Board board = inventories.board(guardian);
		int tiles = board.itemCount();

		String cached = measure(session, () -> { });
		String decoded = measure(session, () -> inventories.forget(guardian));
		String report = String.format(Locale.ROOT,
				"vault page, %d vault items, %d items on the board, %d KiB of HTML, %d runs after %d warm-up (ms)%n"
						+ "  board cached (profile fetched and decoded): %s%n"
						+ "  board decoded on every request (profile fetched): %s%n",
				board.vaultCount(), tiles, html.length() / 1024, RUNS, WARM_UP, cached, decoded);
		System.out.print(report);
		Path out = Path.of("target", "bench", "vault-page.txt");
		Files.createDirectories(out.getParent());
		Files.writeString(out, report);
	}

	private String measure(MockHttpSession session, Runnable before) throws Exception {
		for (int i = 0; i < WARM_UP; i++) {
			before.run();
			mvc.perform(get("/destiny").session(session).with(user("bench"))).andReturn();
		}
		double[] times = new double[RUNS];
		for (int i = 0; i < RUNS; i++) {
			before.run();
			long start = System.nanoTime();
			mvc.perform(get("/destiny").session(session).with(user("bench"))).andReturn().getResponse().getContentAsByteArray();
			times[i] = (System.nanoTime() - start) / 1e6;
		}
		Arrays.sort(times);
		return String.format(Locale.ROOT, "median %.2f, p90 %.2f, p99 %.2f, min %.2f", times[RUNS / 2],
				times[RUNS * 9 / 10], times[RUNS * 99 / 100], times[0]);
	}

	static JsonNode grow(JsonNode demo) {
		ObjectNode profile = (ObjectNode) demo.deepCopy();
		ObjectNode instances = (ObjectNode) profile.path("itemComponents").path("instances").path("data");
		ArrayNode vault = (ArrayNode) profile.path("profileInventory").path("data").path("items");
		long[] next = { 6917529990000000000L };
		List<JsonNode> instanced = new ArrayList<>();
		vault.forEach(item -> {
			if (item.hasNonNull("itemInstanceId") && instances.has(item.path("itemInstanceId").asString())) {
				instanced.add(item);
			}
		});
		for (int i = 0; vault.size() < VAULT_ITEMS; i++) {
			vault.add(copy(instanced.get(i % instanced.size()), instances, next));
		}
		profile.path("characterInventories").path("data").forEachEntry((id, inventory) -> {
			ArrayNode items = (ArrayNode) inventory.path("items");
			Map<Long, List<JsonNode>> byBucket = new HashMap<>();
			items.forEach(item -> byBucket.computeIfAbsent(item.path("bucketHash").asLong(), b -> new ArrayList<>()).add(item));
			for (long bucket : List.of(Buckets.KINETIC, Buckets.ENERGY, Buckets.POWER, Buckets.HELMET, Buckets.GAUNTLETS,
					Buckets.CHEST, Buckets.LEGS, Buckets.CLASS_ITEM)) {
				List<JsonNode> carried = byBucket.getOrDefault(bucket, List.of());
				for (int i = carried.size(); i < 9 && !carried.isEmpty(); i++) {
					items.add(copy(carried.get(i % carried.size()), instances, next));
				}
			}
		});
		return profile;
	}

	private static JsonNode copy(JsonNode item, ObjectNode instances, long[] next) {
		ObjectNode copy = (ObjectNode) item.deepCopy();
		String id = String.valueOf(next[0]++);
		JsonNode instance = instances.get(item.path("itemInstanceId").asString());
		copy.put("itemInstanceId", id);
		if (instance != null) {
			instances.set(id, instance.deepCopy());
		}
		return copy;
	}

}
