package dev.tower.destiny.manifest;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Manifest tables shaped like Bungie's (hash-keyed objects of definitions with display properties, inventory
 * blocks, stats, sockets, perks …), from a seed, at any size. Run {@link #main} to write a large item table for the
 * benchmark.
 */
public final class ManifestGenerator {

	static final JsonMapper JSON = JsonMapper.builder().build();

	/** Buckets the generated items go to: kinetic, energy, power, helmet, gauntlets, chest, legs, class item, ghost. */
	static final long[] BUCKETS = { 1498876634L, 2465295065L, 953998645L, 3448274439L, 3551918588L, 14239492L,
			20886954L, 1585787867L, 4023194814L };

	static final long[] DAMAGE_TYPES = { 3373582085L, 2303181850L, 1847026933L, 3454344768L, 151347233L, 3949783978L };

	private static final String[] TIERS = { "Basic", "Common", "Rare", "Legendary", "Exotic" };

	private static final String[] TYPES = { "Auto Rifle", "Hand Cannon", "Pulse Rifle", "Scout Rifle", "Sniper Rifle",
			"Shotgun", "Helmet", "Gauntlets", "Chest Armor", "Leg Armor", "Titan Mark", "Ghost Shell" };

	private static final String[] WORDS = { "Ace", "Spades", "Gjallarhorn", "Thorn", "Vigilance", "Wing", "Fatebringer",
			"Midnight", "Coup", "Better", "Devils", "Austringer", "Luna", "Howl", "Recluse", "Mountaintop", "Ikelos",
			"Falling", "Guillotine", "Palindrome", "Hung", "Jury", "Bygones", "Chroma", "Rush", "Sunshot", "Outbreak" };

	private final Random random;

	private final String label;

	/** {@code label} goes into every item name, so two versions can be told apart. */
	ManifestGenerator(long seed, String label) {
		this.random = new Random(seed);
		this.label = label;
	}

	/** The first item hash; items are numbered from here, so tests can name them. */
	static final long FIRST_ITEM = 3_000_000_000L;

	static long itemHash(int n) {
		return FIRST_ITEM + n * 7L;
	}

	/** Every table Tower keeps: {@code items} items (the first 1 % of them redacted) and small real-sized others. */
	Map<String, byte[]> tables(int items) {
		Map<String, byte[]> tables = new LinkedHashMap<>();
		tables.put("DestinyInventoryItemDefinition", bytes(out -> items(out, items, Long.MAX_VALUE)));
		tables.put("DestinyInventoryBucketDefinition", bytes(this::buckets));
		tables.put("DestinyItemTierTypeDefinition", bytes(this::tiers));
		tables.put("DestinyDamageTypeDefinition", bytes(this::damageTypes));
		tables.put("DestinyClassDefinition", bytes(this::classes));
		tables.put("DestinyStatDefinition", bytes(this::stats));
		tables.put("DestinyVendorDefinition", bytes(this::vendors));
		tables.put("DestinyStatGroupDefinition", bytes(this::statGroups));
		tables.put("DestinySocketCategoryDefinition", bytes(this::socketCategories));
		tables.put("DestinyDestinationDefinition", bytes(this::destinations));
		tables.put("DestinyPlaceDefinition", bytes(this::places));
		return tables;
	}

	interface Writer {

		void write(OutputStream out) throws IOException;

	}

	static byte[] bytes(Writer writer) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			writer.write(out);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toByteArray();
	}

	/** Writes {@code count} items, or as many as fit in {@code maxBytes}; returns how many. */
	int items(OutputStream out, int count, long maxBytes) {
		int n = 0;
		try (JsonGenerator json = JSON.createGenerator(out)) {
			json.writeStartObject();
			while (n < count && json.streamWriteOutputBuffered() + bytesWritten(out) < maxBytes) {
				long hash = itemHash(n);
				json.writeName(Long.toString(hash));
				item(json, hash, n);
				n++;
			}
			json.writeEndObject();
		}
		return n;
	}

	private static long bytesWritten(OutputStream out) {
		return out instanceof Counting counting ? counting.count : 0;
	}

	private void item(JsonGenerator json, long hash, int n) {
		boolean redacted = n % 100 == 99;
		int tier = random.nextInt(TIERS.length);
		String type = TYPES[random.nextInt(TYPES.length)];
		String name = redacted ? "Classified" : WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)] + " " + label + " " + n;
		json.writeStartObject();
		json.writeName("displayProperties");
		json.writeStartObject();
		json.writeStringProperty("description", sentence(12 + random.nextInt(20)));
		json.writeStringProperty("name", name);
		json.writeStringProperty("icon", "/common/destiny2_content/icons/" + Long.toHexString(random.nextLong()) + ".jpg");
		json.writeBooleanProperty("hasIcon", true);
		json.writeEndObject();
		json.writeName("tooltipNotifications");
		json.writeStartArray();
		json.writeEndArray();
		json.writeNumberProperty("collectibleHash", random.nextInt() & 0xFFFF_FFFFL);
		json.writeStringProperty("iconWatermark", "/common/destiny2_content/icons/" + Long.toHexString(random.nextLong()) + ".png");
		json.writeStringProperty("screenshot", "/common/destiny2_content/screenshots/" + hash + ".jpg");
		json.writeStringProperty("itemTypeDisplayName", type);
		json.writeStringProperty("flavorText", "\"" + sentence(8 + random.nextInt(12)) + "\"\n— " + WORDS[random.nextInt(WORDS.length)]);
		json.writeStringProperty("uiItemDisplayStyle", "ui_display_style_item");
		json.writeStringProperty("itemTypeAndTierDisplayName", TIERS[tier] + " " + type);
		json.writeStringProperty("displaySource", "Source: " + sentence(5));
		json.writeName("inventory");
		json.writeStartObject();
		json.writeNumberProperty("maxStackSize", tier == 0 ? 9999 : 1);
		json.writeNumberProperty("bucketTypeHash", BUCKETS[n % BUCKETS.length]);
		json.writeNumberProperty("recoveryBucketTypeHash", 215593132L);
		json.writeNumberProperty("tierTypeHash", 4008398120L);
		json.writeBooleanProperty("isInstanceItem", tier > 0);
		json.writeStringProperty("tierTypeName", TIERS[tier]);
		json.writeNumberProperty("tierType", tier + 2);
		json.writeEndObject();
		json.writeName("stats");
		json.writeStartObject();
		json.writeNumberProperty("statGroupHash", random.nextInt() & 0xFFFF_FFFFL);
		json.writeName("stats");
		json.writeStartObject();
		for (int s = 0; s < 8; s++) {
			long statHash = 1000L + s * 113;
			json.writeName(Long.toString(statHash));
			json.writeStartObject();
			json.writeNumberProperty("statHash", statHash);
			json.writeNumberProperty("value", random.nextInt(100));
			json.writeNumberProperty("minimum", 0);
			json.writeNumberProperty("maximum", 100);
			json.writeNumberProperty("displayMaximum", 100);
			json.writeEndObject();
		}
		json.writeEndObject();
		json.writeEndObject();
		json.writeName("equippingBlock");
		json.writeStartObject();
		json.writeStringProperty("uniqueLabel", tier == 4 ? "exotic_weapon" : "");
		json.writeNumberProperty("equipmentSlotTypeHash", BUCKETS[n % BUCKETS.length]);
		json.writeNumberProperty("attributes", 0);
		json.writeNumberProperty("ammoType", 1 + random.nextInt(3));
		json.writeEndObject();
		json.writeName("sockets");
		json.writeStartObject();
		json.writeName("socketEntries");
		json.writeStartArray();
		for (int s = 0; s < 6 + random.nextInt(6); s++) {
			json.writeStartObject();
			json.writeNumberProperty("socketTypeHash", random.nextInt() & 0xFFFF_FFFFL);
			json.writeNumberProperty("singleInitialItemHash", random.nextInt() & 0xFFFF_FFFFL);
			json.writeName("reusablePlugItems");
			json.writeStartArray();
			for (int p = 0; p < random.nextInt(5); p++) {
				json.writeStartObject();
				json.writeNumberProperty("plugItemHash", random.nextInt() & 0xFFFF_FFFFL);
				json.writeEndObject();
			}
			json.writeEndArray();
			json.writeBooleanProperty("preventInitializationOnVendorPurchase", false);
			json.writeBooleanProperty("defaultVisible", true);
			json.writeEndObject();
		}
		json.writeEndArray();
		json.writeEndObject();
		json.writeName("investmentStats");
		json.writeStartArray();
		for (int s = 0; s < 5; s++) {
			json.writeStartObject();
			json.writeNumberProperty("statTypeHash", random.nextInt() & 0xFFFF_FFFFL);
			json.writeNumberProperty("value", random.nextInt(60));
			json.writeBooleanProperty("isConditionallyActive", false);
			json.writeEndObject();
		}
		json.writeEndArray();
		json.writeName("itemCategoryHashes");
		json.writeStartArray();
		json.writeNumber(1);
		json.writeNumber(2 + random.nextInt(20));
		json.writeEndArray();
		json.writeNumberProperty("specialItemType", 0);
		json.writeNumberProperty("itemType", 3);
		json.writeNumberProperty("itemSubType", 6);
		json.writeNumberProperty("classType", n % 4);
		json.writeBooleanProperty("equippable", tier > 0);
		json.writeName("damageTypeHashes");
		json.writeStartArray();
		json.writeNumber(DAMAGE_TYPES[n % DAMAGE_TYPES.length]);
		json.writeEndArray();
		json.writeNumberProperty("defaultDamageType", 1 + n % 6);
		json.writeNumberProperty("defaultDamageTypeHash", DAMAGE_TYPES[n % DAMAGE_TYPES.length]);
		json.writeBooleanProperty("nonTransferrable", n % 50 == 0);
		json.writeNumberProperty("hash", hash);
		json.writeNumberProperty("index", n);
		json.writeBooleanProperty("redacted", redacted);
		json.writeBooleanProperty("blacklisted", false);
		json.writeEndObject();
	}

	private String sentence(int words) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < words; i++) {
			text.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)].toLowerCase());
		}
		return text.append('.').toString();
	}

	private void buckets(OutputStream out) {
		String[] names = { "Kinetic Weapons", "Energy Weapons", "Power Weapons", "Helmet", "Gauntlets", "Chest Armor",
				"Leg Armor", "Class Armor", "Ghost" };
		table(out, BUCKETS.length, i -> BUCKETS[i], (json, i) -> {
			display(json, names[i], null);
			json.writeNumberProperty("scope", 0);
			json.writeNumberProperty("category", 3);
			json.writeNumberProperty("bucketOrder", (i + 1) * 10);
			json.writeNumberProperty("itemCount", 10);
			json.writeNumberProperty("location", 1);
			json.writeBooleanProperty("hasTransferDestination", true);
			json.writeBooleanProperty("enabled", true);
		});
	}

	private void tiers(OutputStream out) {
		table(out, TIERS.length, i -> 4008398120L - i, (json, i) -> display(json, TIERS[i], null));
	}

	private void damageTypes(OutputStream out) {
		String[] names = { "Kinetic", "Arc", "Solar", "Void", "Stasis", "Strand" };
		table(out, names.length, i -> DAMAGE_TYPES[i], (json, i) -> {
			display(json, names[i], "/common/destiny2_content/icons/damage_" + names[i].toLowerCase() + ".png");
			json.writeNumberProperty("enumValue", i + 1);
			json.writeBooleanProperty("showIcon", i > 0);
		});
	}

	private void classes(OutputStream out) {
		String[] names = { "Titan", "Hunter", "Warlock" };
		long[] hashes = { 3655393761L, 671679327L, 2271682572L };
		table(out, names.length, i -> hashes[i], (json, i) -> {
			display(json, names[i], null);
			json.writeNumberProperty("classType", i);
		});
	}

	private void stats(OutputStream out) {
		table(out, 8, i -> 1000L + i * 113, (json, i) -> display(json, "Stat " + i, "/icons/stat" + i + ".png"));
	}

	private void statGroups(OutputStream out) {
		table(out, 2, i -> 2000L + i, (json, i) -> {
			json.writeName("scaledStats");
			json.writeStartArray();
			for (int stat = 0; stat < 4; stat++) {
				json.writeStartObject();
				json.writeNumberProperty("statHash", 1000L + (stat + i * 4) * 113);
				json.writeNumberProperty("maximumValue", 100);
				json.writeBooleanProperty("displayAsNumeric", stat == 3);
				json.writeEndObject();
			}
			json.writeEndArray();
		});
	}

	private void socketCategories(OutputStream out) {
		table(out, 4, i -> 3000L + i, (json, i) -> display(json, "Socket category " + i, null));
	}

	private void vendors(OutputStream out) {
		table(out, 3, i -> i == 0 ? 2190858386L : 1000000L + i, (json, i) -> {
			json.writeName("displayProperties");
			json.writeStartObject();
			json.writeStringProperty("name", i == 0 ? "Xûr" : "Vendor " + i);
			json.writeStringProperty("subtitle", i == 0 ? "Agent of the Nine" : "Vendor");
			json.writeStringProperty("icon", "/icons/vendor" + i + ".png");
			json.writeEndObject();
			json.writeBooleanProperty("enabled", true);
			json.writeName("locations");
			json.writeStartArray();
			for (int location = 0; location < 3; location++) {
				json.writeStartObject();
				json.writeNumberProperty("destinationHash", 4000L + location);
				json.writeEndObject();
			}
			json.writeEndArray();
		});
	}

	private void destinations(OutputStream out) {
		table(out, 3, i -> 4000L + i, (json, i) -> {
			display(json, "Destination " + i, null);
			json.writeNumberProperty("placeHash", 5000L + i);
		});
	}

	private void places(OutputStream out) {
		table(out, 3, i -> 5000L + i, (json, i) -> display(json, "Place " + i, null));
	}

	private static void display(JsonGenerator json, String name, String icon) {
		json.writeName("displayProperties");
		json.writeStartObject();
		json.writeStringProperty("name", name);
		if (icon != null) {
			json.writeStringProperty("icon", icon);
		}
		json.writeEndObject();
	}

	interface Hash {

		long of(int i);

	}

	interface Body {

		void write(JsonGenerator json, int i);

	}

	private static void table(OutputStream out, int count, Hash hash, Body body) {
		try (JsonGenerator json = JSON.createGenerator(out)) {
			json.writeStartObject();
			for (int i = 0; i < count; i++) {
				json.writeName(Long.toString(hash.of(i)));
				json.writeStartObject();
				body.write(json, i);
				json.writeNumberProperty("hash", hash.of(i));
				json.writeNumberProperty("index", i);
				json.writeBooleanProperty("redacted", false);
				json.writeEndObject();
			}
			json.writeEndObject();
		}
	}

	/** Counts bytes written, so a table can be cut at a size. */
	static final class Counting extends java.io.FilterOutputStream {

		long count;

		Counting(OutputStream out) {
			super(out);
		}

		@Override
		public void write(int b) throws IOException {
			out.write(b);
			count++;
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			out.write(b, off, len);
			count += len;
		}

	}

	/**
	 * {@code ManifestGenerator DIR MEGABYTES}: writes every table into DIR, the item table about MEGABYTES large,
	 * and prints the item count.
	 */
	public static void main(String[] args) throws IOException {
		Path dir = Path.of(args[0]);
		long megabytes = Long.parseLong(args[1]);
		Files.createDirectories(dir);
		ManifestGenerator generator = new ManifestGenerator(42, "bench");
		try (Counting out = new Counting(new BufferedOutputStream(Files.newOutputStream(dir.resolve("DestinyInventoryItemDefinition.json")), 1 << 16))) {
			int items = generator.items(out, Integer.MAX_VALUE, megabytes * 1_000_000);
			System.out.println(items);
		}
		for (Map.Entry<String, byte[]> table : generator.tables(0).entrySet()) {
			if (!table.getKey().equals("DestinyInventoryItemDefinition")) {
				Files.write(dir.resolve(table.getKey() + ".json"), table.getValue());
			}
		}
	}

}
