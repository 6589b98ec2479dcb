package dev.tower.destiny.manifest;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.tower.TowerApplication;
import dev.tower.cli.TowerCommandAccess;
import dev.tower.destiny.BungieOnStub;
import dev.tower.destiny.BungieStub;
import dev.tower.jobs.PermanentFailure;
import dev.tower.jobs.TaskContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The manifest kept current, against a local Bungie.net: generated manifests downloaded, streamed into PostgreSQL,
 * switched to atomically and served through {@link Definitions}; broken downloads leave the old version serving.
 */
@BungieOnStub
class ManifestTests {

	static final String ITEMS = "DestinyInventoryItemDefinition";

	@Autowired
	BungieStub bungie;

	@Autowired
	ManifestUpdater updater;

	@Autowired
	Definitions definitions;

	@Autowired
	ManifestTask task;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	DataSource dataSource;

	@BeforeEach
	void resetBungie() {
		bungie.reset();
	}

	@Test
	void aGeneratedMultiMegabyteManifestIsStreamedInAndServed() {
		Map<String, byte[]> tables = new ManifestGenerator(1, "v1").tables(4000);
		assertThat(tables.get(ITEMS).length).isGreaterThan(4_000_000);
		bungie.manifest("100.1", tables);

		ManifestCheck check = updater.check(ManifestProgress.NONE);

		assertThat(check.outcome()).isEqualTo(ManifestCheck.Outcome.UPDATED);
		assertThat(check.current()).isEqualTo(BungieStub.manifestPath("100.1", ITEMS));
		assertThat(definitions.version()).contains(BungieStub.manifestPath("100.1", ITEMS));
		assertThat(jdbc.sql("select count(*) from manifest_item").query(Long.class).single()).isEqualTo(4000);
		ItemDefinition item = definitions.item(ManifestGenerator.itemHash(10)).orElseThrow();
		assertThat(item.name()).endsWith("v1 10");
		assertThat(item.bucketHash()).isEqualTo(ManifestGenerator.BUCKETS[10 % ManifestGenerator.BUCKETS.length]);
		assertThat(item.defaultDamageTypeHash()).isEqualTo(ManifestGenerator.DAMAGE_TYPES[10 % 6]);
		assertThat(item.hash()).isGreaterThan(Integer.MAX_VALUE); // unsigned 32-bit, not wrapped negative
		assertThat(item.redacted()).isFalse();
		assertThat(definitions.item(ManifestGenerator.itemHash(99)).orElseThrow().redacted()).isTrue();
		assertThat(definitions.bucket(ManifestGenerator.BUCKETS[3]).orElseThrow().name()).isEqualTo("Helmet");
		assertThat(definitions.damageType(ManifestGenerator.DAMAGE_TYPES[2]).orElseThrow().name()).isEqualTo("Solar");
		assertThat(definitions.characterClass(671679327L).orElseThrow().classType()).isEqualTo(1);
		assertThat(definitions.vendor(2190858386L).orElseThrow().name()).isEqualTo("Xûr");
		long where = definitions.vendor(2190858386L).orElseThrow().destination(1).orElseThrow();
		assertThat(definitions.destination(where)).contains(new DestinationDefinition(4001, "Destination 1", "Place 1"));
		assertThat(definitions.stat(1000L).orElseThrow().name()).isEqualTo("Stat 0");
		// The full definition is kept beside the extracted columns.
		assertThat(jdbc.sql("select definition from manifest_item where hash = :hash")
			.param("hash", ManifestGenerator.itemHash(10)).query(String.class).single()).contains("\"socketEntries\"");

		List<Long> vault = new ArrayList<>();
		for (int i = 0; i < 900; i++) {
			vault.add(ManifestGenerator.itemHash(i * 4));
		}
		vault.add(12345L);
		Map<Long, ItemDefinition> found = definitions.items(vault);
		assertThat(found).hasSize(900).doesNotContainKey(12345L);
		assertThat(found.get(ManifestGenerator.itemHash(40)).name()).endsWith("v1 40");
		assertThat(definitions.items(vault)).isEqualTo(found); // the second time from the cache (speed: bench/vault-page.sh)
	}

	@Test
	void anUnchangedVersionDownloadsNothing() {
		bungie.manifest("100.1", new ManifestGenerator(1, "v1").tables(50));
		updater.check(ManifestProgress.NONE);
		int requests = bungie.requests().size();

		ManifestCheck again = updater.check(ManifestProgress.NONE);

		assertThat(again.outcome()).isEqualTo(ManifestCheck.Outcome.UNCHANGED);
		assertThat(bungie.requests().subList(requests, bungie.requests().size()))
			.extracting(BungieStub.Request::path).containsExactly("/Platform/Destiny2/Manifest/");
		assertThat(jdbc.sql("select count(*) from manifest_version").query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select check_result from manifest_status").query(String.class).single()).startsWith("unchanged");
	}

	@Test
	void aNewVersionTakesOverAtOnceTheOldRowsGoAndTheChangeIsAnnounced() {
		bungie.manifest("100.1", new ManifestGenerator(1, "v1").tables(200));
		updater.check(ManifestProgress.NONE);
		long hash = ManifestGenerator.itemHash(7);
		assertThat(definitions.item(hash).orElseThrow().name()).endsWith("v1 7"); // now cached
		bungie.reset();
		bungie.manifest("101.0", new ManifestGenerator(2, "v2").tables(300));

		ManifestCheck check = updater.check(ManifestProgress.NONE);

		String v1 = BungieStub.manifestPath("100.1", ITEMS);
		String v2 = BungieStub.manifestPath("101.0", ITEMS);
		assertThat(check.outcome()).isEqualTo(ManifestCheck.Outcome.UPDATED);
		assertThat(check.previous()).isEqualTo(v1);
		assertThat(definitions.version()).contains(v2);
		assertThat(definitions.item(hash).orElseThrow().name()).endsWith("v2 7");
		assertThat(definitions.item(ManifestGenerator.itemHash(250))).isPresent();
		assertThat(jdbc.sql("select count(distinct version_id) from manifest_item").query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from manifest_item").query(Long.class).single()).isEqualTo(300);
		assertThat(jdbc.sql("select version_key, state from manifest_version order by id").query().listOfRows())
			.extracting(row -> row.get("version_key") + " " + row.get("state"))
			.containsExactly(v1 + " RETIRED", v2 + " ACTIVE");
		assertThat(jdbc.sql("select message from notification where source = 'destiny' order by id").query(String.class).list())
			.contains("Detected a change in version number: " + v1 + " → " + v2);
	}

	@Test
	void aDownloadThatBreaksOffLeavesTheOldVersionServingAndTheNextRunCleansUp() {
		bungie.manifest("100.1", new ManifestGenerator(1, "v1").tables(200));
		updater.check(ManifestProgress.NONE);
		Map<String, byte[]> v2 = new ManifestGenerator(2, "v2").tables(3000);
		bungie.manifest("101.0", v2);
		bungie.on("GET", BungieStub.manifestPath("101.0", ITEMS),
				request -> BungieStub.brokenOff(BungieStub.file(v2.get(ITEMS)), 200_000));

		assertThatThrownBy(() -> updater.check(ManifestProgress.NONE)).hasMessageContaining(ITEMS).hasMessageContaining("broke off");

		String v1 = BungieStub.manifestPath("100.1", ITEMS);
		assertThat(definitions.version()).contains(v1);
		assertThat(definitions.item(ManifestGenerator.itemHash(7)).orElseThrow().name()).endsWith("v1 7");
		assertThat(jdbc.sql("select state from manifest_version order by id").query(String.class).list())
			.containsExactly("ACTIVE", "FAILED");
		assertThat(jdbc.sql("select count(*) from manifest_item").query(Long.class).single()).isEqualTo(200);

		// A process killed mid-download leaves its version DOWNLOADING and its rows behind.
		long killed = jdbc.sql("insert into manifest_version (version_key, source, state, started_at) "
				+ "values ('killed', 'BUNGIE', 'DOWNLOADING', :now)").param("now", Timestamp.from(Instant.now())).update();
		long killedId = jdbc.sql("select id from manifest_version where version_key = 'killed'").query(Long.class).single();
		jdbc.sql("insert into manifest_item (version_id, hash, tier_type, bucket_hash, class_type, default_damage_type_hash, "
				+ "redacted, equippable, max_stack_size, non_transferrable, definition) values (:id, 1, 0, 0, 3, 0, false, false, 1, false, '{}')")
			.param("id", killedId).update();
		assertThat(killed).isEqualTo(1);
		assertThat(definitions.version()).contains(v1);

		bungie.manifest("101.0", v2); // Bungie's file is whole again
		ManifestCheck retry = updater.check(ManifestProgress.NONE);

		assertThat(retry.outcome()).isEqualTo(ManifestCheck.Outcome.UPDATED);
		assertThat(definitions.item(ManifestGenerator.itemHash(2998)).orElseThrow().name()).endsWith("v2 2998");
		assertThat(jdbc.sql("select state, reason from manifest_version where id = :id").param("id", killedId).query().singleRow())
			.containsEntry("state", "FAILED").extractingByKey("reason").asString().contains("interrupted");
		assertThat(jdbc.sql("select count(*) from manifest_item where version_id <> (select id from manifest_version where state = 'ACTIVE')")
			.query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select count(*) from manifest_item").query(Long.class).single()).isEqualTo(3000);
	}

	@Test
	void aTableThatIsNotJsonFailsWithAClearReasonAndTheOldVersionServes() {
		bungie.manifest("100.1", new ManifestGenerator(1, "v1").tables(20));
		updater.check(ManifestProgress.NONE);
		Map<String, byte[]> v2 = new HashMap<>(new ManifestGenerator(2, "v2").tables(20));
		v2.put("DestinyStatDefinition", "{\"1000\": {\"displayProperties\": {\"name\": \"Power\"}, ".getBytes());
		v2.put(ITEMS, "{\"3000000000\": {\"hash\": 3000000000}, \"not-a-hash\": {}}".getBytes());
		bungie.manifest("101.0", v2);

		assertThatThrownBy(() -> task.run(context()))
			.isInstanceOf(PermanentFailure.class)
			.hasMessage("DestinyInventoryItemDefinition cannot be read: 'not-a-hash' is not an unsigned 32-bit hash");
		assertThat(definitions.version()).contains(BungieStub.manifestPath("100.1", ITEMS));

		v2.put(ITEMS, new ManifestGenerator(2, "v2").tables(20).get(ITEMS));
		bungie.manifest("101.0", v2);
		assertThatThrownBy(() -> task.run(context()))
			.isInstanceOf(PermanentFailure.class)
			.hasMessageStartingWith("DestinyStatDefinition is not valid JSON after 0 definitions");
		assertThat(definitions.version()).contains(BungieStub.manifestPath("100.1", ITEMS));
		assertThat(jdbc.sql("select reason from manifest_version where state = 'FAILED' order by id").query(String.class).list())
			.hasSize(2).allSatisfy(reason -> assertThat(reason).contains("Definition"));
		assertThat(jdbc.sql("select count(*) from manifest_item").query(Long.class).single()).isEqualTo(20);
	}

	@Test
	void anUnknownItemIsEmptyAndStartsOneCheckInFiveMinutesNotTwo() {
		bungie.manifest("100.1", new ManifestGenerator(1, "v1").tables(20));
		updater.check(ManifestProgress.NONE);

		assertThat(definitions.item(42L)).isEmpty();
		definitions.unknownItem(42L);
		definitions.unknownItem(43L);

		assertThat(jdbc.sql("select count(*) from task_run where task = 'destiny-manifest'").query(Long.class).single()).isEqualTo(1);

		// Five minutes later, another unknown item may ask again.
		jdbc.sql("update manifest_status set unknown_item_check_at = :then")
			.param("then", Timestamp.from(Instant.now().minusSeconds(301))).update();
		definitions.unknownItem(44L);
		assertThat(jdbc.sql("select count(distinct job_id) from task_run where task = 'destiny-manifest'").query(Long.class).single())
			.isEqualTo(1); // the first check is still queued: the same run is returned, not a second one
		assertThat(jdbc.sql("select unknown_item_check_at from manifest_status").query(Timestamp.class).single().toInstant())
			.isAfter(Instant.now().minusSeconds(60));
	}

	@Test
	void adminsStartAnUpdateThroughTheApiAndSeeThePageOthersAreRefused() throws Exception {
		bungie.manifest("100.1", new ManifestGenerator(1, "v1").tables(20));
		updater.check(ManifestProgress.NONE);
		var admin = user("boss").roles("USER", "ADMIN");
		var player = user("guardian").roles("USER");

		mvc.perform(post("/api/v1/destiny/manifest/update").with(admin).with(csrf()))
			.andExpect(status().isAccepted())
			.andExpect(header().string("Location", startsWith("/api/v1/jobs/")))
			.andExpect(jsonPath("$.id").isNotEmpty())
			.andExpect(jsonPath("$.title").value("Check the Destiny manifest"))
			.andExpect(jsonPath("$.statusUrl", startsWith("/api/v1/jobs/")));
		mvc.perform(post("/api/v1/destiny/manifest/update").with(player).with(csrf())).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/destiny/manifest").with(admin))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.active.versionKey").value(BungieStub.manifestPath("100.1", ITEMS)))
			.andExpect(jsonPath("$.rows.DestinyInventoryItemDefinition").value(20));

		mvc.perform(get("/destiny/manifest").with(admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Check for an update now")))
			.andExpect(content().string(containsString(BungieStub.manifestPath("100.1", ITEMS))))
			.andExpect(content().string(containsString("data-island=\"job-progress\"")));
		mvc.perform(get("/destiny/manifest").with(player)).andExpect(status().isForbidden());
		mvc.perform(post("/destiny/manifest/update").with(admin).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", startsWith("/destiny/manifest?job=")));
	}

	@Test
	void theCommandLineUpdatesAgainstBungieAndShowsTheStatus() {
		bungie.manifest("100.1", new ManifestGenerator(1, "v1").tables(500));
		HikariDataSource hikari = (HikariDataSource) dataSource;
		Map<String, String> properties = Map.of("spring.datasource.url", hikari.getJdbcUrl(),
				"spring.datasource.username", hikari.getUsername(), "spring.datasource.password", "",
				"tower.bungie.base-url", bungie.baseUrl().toString(), "tower.bungie.api-key", "k",
				"tower.bungie.client-id", "1", "tower.bungie.client-secret", "s");
		properties.forEach(System::setProperty);
		try {
			StringWriter out = new StringWriter();
			StringWriter err = new StringWriter();
			int exit = TowerCommandAccess.run(TowerApplication.class, new PrintWriter(out, true), new PrintWriter(err, true),
					"--profile", "testing", "manifest", "update");

			assertThat(exit).as(err.toString()).isZero();
			assertThat(out.toString()).contains("installed", "546 definitions");
			assertThat(err.toString()).contains("11/11 tables");
			assertThat(definitions.version()).contains(BungieStub.manifestPath("100.1", ITEMS));

			StringWriter status = new StringWriter();
			assertThat(TowerCommandAccess.run(TowerApplication.class, new PrintWriter(status, true), new PrintWriter(err, true),
					"--profile", "testing", "manifest", "status")).isZero();
			assertThat(status.toString()).contains("Active: " + BungieStub.manifestPath("100.1", ITEMS))
				.containsPattern("DestinyInventoryItemDefinition +500");
		}
		finally {
			properties.keySet().forEach(System::clearProperty);
		}
	}

	@Test
	void withoutBungieTheBundledDemoManifestIsInstalledAndItsChangeToo() {
		BundledManifestSource demo = new BundledManifestSource(new DefaultResourceLoader(), "classpath:destiny/test-manifest/");

		ManifestCheck check = updater.check(demo, ManifestProgress.NONE);

		assertThat(check.outcome()).isEqualTo(ManifestCheck.Outcome.UPDATED);
		assertThat(check.current()).startsWith("demo-");
		assertThat(definitions.item(1363886209L).orElseThrow().name()).isEqualTo("Gjallarhorn");
		assertThat(definitions.item(1363886209L).orElseThrow().tierTypeName()).isEqualTo("Exotic");
		assertThat(definitions.item(2000000001L).orElseThrow().redacted()).isTrue();
		assertThat(updater.check(demo, ManifestProgress.NONE).outcome()).isEqualTo(ManifestCheck.Outcome.UNCHANGED);
		assertThat(bungie.requests()).isEmpty();
	}

	private static TaskContext context() {
		return new TaskContext() {

			@Override
			public java.util.UUID jobId() {
				return java.util.UUID.randomUUID();
			}

			@Override
			public void progress(long done, long total) {
			}

		};
	}

}
