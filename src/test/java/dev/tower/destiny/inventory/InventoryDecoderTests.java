package dev.tower.destiny.inventory;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tower.destiny.bungie.Buckets;

/** A profile from Bungie, decoded through the manifest into the board the pages show. */
class InventoryDecoderTests {

	final BundledDefinitions definitions = new BundledDefinitions();

	final InventoryDecoder decoder = new InventoryDecoder(definitions, "https://www.bungie.net");

	final Board demo = decoder.decode(ProfileReader.read(BundledDefinitions.demoProfile()), true);

	@Test
	void theVaultIsGroupedByBucketInTheGamesOrderWithClassifiedLast() {
		assertThat(demo.vault()).extracting(BucketGroup::name)
			.containsExactly("Kinetic Weapons", "Energy Weapons", "Power Weapons", "Helmet", "Gauntlets", "Chest Armor",
					"Leg Armor", "Class Armor", "Ghost", "Vehicle", "Ships", "Emblems", "Consumables", "Modifications",
					"Classified");
		assertThat(demo.vault().get(0).items()).allSatisfy(item -> assertThat(item.bucketHash()).isEqualTo(Buckets.KINETIC));
	}

	@Test
	void everyVaultItemIsShownAndTheCapacityComesFromTheVaultBucket() {
		int inProfile = BundledDefinitions.demoProfile().path("profileInventory").path("data").path("items").size();
		assertThat(demo.vaultItems()).isEqualTo(inProfile).isGreaterThan(400);
		assertThat(demo.vaultCount()).isEqualTo(inProfile);
		assertThat(demo.vaultCapacity()).isEqualTo(700);
		assertThat(demo.vaultPercent()).isEqualTo(Math.round(100f * inProfile / 700));
	}

	@Test
	void unknownAndRedactedItemsAreClassifiedNeverDropped() {
		BucketGroup classified = demo.vault().get(demo.vault().size() - 1);
		assertThat(classified.name()).isEqualTo("Classified");
		assertThat(classified.items()).hasSize(4).allSatisfy(item -> {
			assertThat(item.classified()).isTrue();
			assertThat(item.name()).isEqualTo("Classified");
			assertThat(item.icon()).isNull();
			assertThat(item.instanceId()).isNotBlank();
		});
		// two hashes the manifest does not know at all: a newer manifest may be out
		assertThat(definitions.unknown).hasSize(2);
		assertThat(demo.classifiedCount()).isEqualTo(4);
	}

	@Test
	void itemsCarryNameTierTypePowerDamageAndIconUnderBungieNet() {
		Item lantern = all(demo).filter(i -> i.name().equals("The Last Lantern")).findFirst().orElseThrow();
		assertThat(lantern.tier()).isEqualTo(Tier.EXOTIC);
		assertThat(lantern.tierCss()).isEqualTo("tier-exotic");
		assertThat(lantern.type()).isEqualTo("Hand Cannon");
		assertThat(lantern.bucketName()).isEqualTo("Kinetic Weapons");
		assertThat(lantern.damage()).isEqualTo("Kinetic");
		assertThat(lantern.power()).isBetween(1900, 2010);
		assertThat(lantern.icon()).isEqualTo("https://www.bungie.net/assets/destiny/icons/hand-cannon.svg");
	}

	@Test
	void stacksKeepTheirQuantityAndHaveNoInstance() {
		List<Item> consumables = demo.vault().stream().filter(g -> g.name().equals("Consumables")).findFirst()
			.orElseThrow().items();
		assertThat(consumables).isNotEmpty().allSatisfy(item -> {
			assertThat(item.instanceId()).isNull();
			assertThat(item.key()).isEqualTo("vault:" + item.hash());
		});
		assertThat(consumables).anySatisfy(item -> assertThat(item.quantity()).isGreaterThan(1));
	}

	@Test
	void charactersComeMostRecentlyPlayedFirstWithEquippedItemsInTheirSlots() {
		assertThat(demo.characters()).extracting(CharacterView::className).containsExactly("Titan", "Hunter", "Warlock");
		CharacterView titan = demo.characters().get(0);
		assertThat(titan.id()).isEqualTo("2305843009301234561");
		assertThat(titan.light()).isBetween(2000, 2010);
		assertThat(titan.emblemBackground()).isEqualTo("https://www.bungie.net/assets/destiny/emblems/titan.svg");
		assertThat(titan.slots()).extracting(Slot::name).startsWith("Kinetic Weapons", "Energy Weapons", "Power Weapons",
				"Helmet", "Gauntlets", "Chest Armor", "Leg Armor", "Class Armor", "Ghost");
		assertThat(titan.slots()).allSatisfy(slot -> {
			assertThat(slot.equipped()).isNotNull();
			assertThat(slot.equipped().equipped()).isTrue();
			assertThat(slot.carried()).noneMatch(Item::equipped);
		});
		// only one exotic weapon and one exotic armour piece are worn
		assertThat(titan.slots().stream().filter(s -> !s.section().equals("general")).map(Slot::equipped).filter(Item::exotic))
			.hasSize(2);
	}

	@Test
	void thePostmasterIsKeptApartFromTheInventory() {
		CharacterView hunter = demo.character("2305843009301234562").orElseThrow();
		assertThat(hunter.postmaster()).hasSize(5).allSatisfy(item -> assertThat(item.postmaster()).isTrue());
		assertThat(hunter.postmaster()).anySatisfy(item -> assertThat(item.transferable()).isFalse());
		assertThat(hunter.slots().stream().flatMap(s -> s.carried().stream())).noneMatch(Item::postmaster);
	}

	@Test
	void sixtyFourBitIdsSurviveAsStringsWhetherSentAsStringsOrNumbers() {
		long lanternHash = all(demo).filter(i -> i.name().equals("The Last Lantern")).findFirst().orElseThrow().hash();
		JsonNode profile = BundledDefinitions.json().readTree("""
				{"profileInventory":{"data":{"items":[
				  {"itemHash":%d,"itemInstanceId":6917529901234567891,"quantity":1,"bucketHash":138197802,"location":2,"state":1},
				  {"itemHash":%d,"itemInstanceId":"6917529901234567893","quantity":1,"bucketHash":138197802,"location":2,"state":0},
				  {"itemHash":-346683231,"itemInstanceId":"9223372036854775807","quantity":1,"bucketHash":138197802,"location":2}]}},
				 "itemComponents":{"instances":{"data":{"6917529901234567891":{"primaryStat":{"value":2003},"isEquipped":false}}}}}
				""".formatted(lanternHash, lanternHash));
		Board board = decoder.decode(ProfileReader.read(profile), false);
		assertThat(board.item("6917529901234567891")).get().satisfies(item -> {
			assertThat(item.name()).isEqualTo("The Last Lantern");
			assertThat(item.power()).isEqualTo(2003);
			assertThat(item.locked()).isTrue();
		});
		assertThat(board.item("6917529901234567893")).get().extracting(Item::locked).isEqualTo(false);
		// a hash sent signed (as the manifest's SQLite ids are) is read back as its unsigned value
		assertThat(board.item("9223372036854775807")).get().satisfies(item -> {
			assertThat(item.hash()).isEqualTo(3948284065L);
			assertThat(item.classified()).isTrue();
		});
		assertThat(definitions.unknown).contains(3948284065L);
	}

	@Test
	void anEmptyManifestShowsEverythingAsClassifiedAndSaysSo() {
		Board board = new InventoryDecoder(new BundledDefinitions(false), "")
			.decode(ProfileReader.read(BundledDefinitions.demoProfile()), true);
		assertThat(board.manifestLoaded()).isFalse();
		assertThat(board.vault()).extracting(BucketGroup::name).containsExactly("Classified");
		assertThat(board.vaultItems()).isEqualTo(demo.vaultItems());
		assertThat(board.characters()).extracting(CharacterView::className).containsExactly("Titan", "Hunter", "Warlock");
	}

	@Test
	void missingComponentsReadAsEmptyRatherThanFailing() {
		Board board = decoder.decode(ProfileReader.read(BundledDefinitions.json().readTree("{}")), false);
		assertThat(board.vault()).isEmpty();
		assertThat(board.characters()).isEmpty();
		assertThat(board.displayName()).isEqualTo("Guardian");
	}

	@Test
	void thePlayerIsNamedByTheirBungieNameWithItsCode() {
		var json = BundledDefinitions.json();
		assertThat(ProfileReader.bungieName(json.readTree("""
				{"displayName": "steam-name", "bungieGlobalDisplayName": "Ikora", "bungieGlobalDisplayNameCode": 7}""")))
			.isEqualTo("Ikora#0007");
		assertThat(ProfileReader.bungieName(json.readTree("""
				{"displayName": "steam-name", "bungieGlobalDisplayName": "Ikora"}"""))).isEqualTo("Ikora");
		assertThat(ProfileReader.bungieName(json.readTree("""
				{"displayName": "steam-name", "bungieGlobalDisplayNameCode": null}"""))).isEqualTo("steam-name");
	}

	static Stream<Item> all(Board board) {
		return board.index().values().stream();
	}

}
