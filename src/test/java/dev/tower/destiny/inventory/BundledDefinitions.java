package dev.tower.destiny.inventory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.tower.destiny.manifest.BucketDefinition;
import dev.tower.destiny.manifest.ClassDefinition;
import dev.tower.destiny.manifest.DamageTypeDefinition;
import dev.tower.destiny.manifest.DestinationDefinition;
import dev.tower.destiny.manifest.Definitions;
import dev.tower.destiny.manifest.ItemDefinition;
import dev.tower.destiny.manifest.ItemDetailDefinition;
import dev.tower.destiny.manifest.SocketCategoryDefinition;
import dev.tower.destiny.manifest.StatGroupDefinition;
import dev.tower.destiny.manifest.StatDefinition;
import dev.tower.destiny.manifest.VendorDefinition;

/**
 * {@link Definitions} read straight from the bundled demo manifest tables (Bungie's JSON), for tests that should
 * not depend on the manifest's database. Records the unknown hashes it is told about.
 */
public final class BundledDefinitions implements Definitions {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	final List<Long> unknown = new CopyOnWriteArrayList<>();

	private final Map<Long, ItemDefinition> items;

	private final Map<Long, BucketDefinition> buckets;

	private final Map<Long, DamageTypeDefinition> damageTypes;

	private final Map<Long, ClassDefinition> classes;

	private final Map<Long, StatDefinition> stats;

	private final Map<Long, VendorDefinition> vendors;

	private final Map<Long, DestinationDefinition> destinations;

	private final Map<Long, ItemDetailDefinition> itemDetails;

	private final Map<Long, StatGroupDefinition> statGroups;

	private final Map<Long, SocketCategoryDefinition> socketCategories;

	private final boolean loaded;

	public BundledDefinitions() {
		this(true);
	}

	/** {@code loaded = false}: an empty manifest, as before the first one is in. */
	BundledDefinitions(boolean loaded) {
		this.loaded = loaded;
		items = table("DestinyInventoryItemDefinition", d -> new ItemDefinition(hash(d), name(d),
				text(d.path("displayProperties").path("icon")), text(d.path("itemTypeDisplayName")),
				text(d.path("inventory").path("tierTypeName")), d.path("inventory").path("tierType").asInt(0),
				d.path("inventory").path("bucketTypeHash").asLong(0), d.path("classType").asInt(3),
				d.path("defaultDamageTypeHash").asLong(0), d.path("redacted").asBoolean(false),
				d.path("equippable").asBoolean(false), d.path("inventory").path("maxStackSize").asInt(1),
				d.path("nonTransferrable").asBoolean(false)));
		buckets = table("DestinyInventoryBucketDefinition", d -> new BucketDefinition(hash(d), name(d),
				d.path("category").asInt(0), d.path("bucketOrder").asInt(0), d.path("location").asInt(0),
				d.path("itemCount").asInt(0), d.path("hasTransferDestination").asBoolean(false)));
		damageTypes = table("DestinyDamageTypeDefinition", d -> new DamageTypeDefinition(hash(d), name(d),
				text(d.path("displayProperties").path("icon")), d.path("enumValue").asInt(0)));
		classes = table("DestinyClassDefinition", d -> new ClassDefinition(hash(d), name(d), d.path("classType").asInt(3)));
		stats = table("DestinyStatDefinition", d -> new StatDefinition(hash(d), name(d), null));
		vendors = table("DestinyVendorDefinition", d -> VendorDefinition.of(hash(d), name(d),
				text(d.path("displayProperties").path("subtitle")), text(d.path("displayProperties").path("icon")), d));
		Map<Long, String> places = table("DestinyPlaceDefinition", BundledDefinitions::name);
		destinations = table("DestinyDestinationDefinition", d -> new DestinationDefinition(hash(d), name(d),
				places.get(d.path("placeHash").asLong())));
		itemDetails = table("DestinyInventoryItemDefinition", d -> ItemDetailDefinition.of(hash(d), d));
		statGroups = table("DestinyStatGroupDefinition", d -> StatGroupDefinition.of(hash(d), d));
		socketCategories = table("DestinySocketCategoryDefinition",
				d -> new SocketCategoryDefinition(hash(d), name(d)));
	}

	private <T> Map<Long, T> table(String name, Function<JsonNode, T> reader) {
		Map<Long, T> table = new HashMap<>();
		if (!loaded) {
			return table;
		}
		try (InputStream in = new ClassPathResource("destiny/demo/manifest/" + name + ".json").getInputStream()) {
			JSON.readTree(in).forEachEntry((key, node) -> table.put(Long.parseLong(key), reader.apply(node)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return table;
	}

	private static long hash(JsonNode definition) {
		return definition.path("hash").asLong();
	}

	private static String name(JsonNode definition) {
		return text(definition.path("displayProperties").path("name"));
	}

	private static String text(JsonNode node) {
		return node.isString() ? node.asString() : null;
	}

	@Override
	public Optional<String> version() {
		return loaded ? Optional.of("demo-test") : Optional.empty();
	}

	@Override
	public Optional<ItemDefinition> item(long hash) {
		return Optional.ofNullable(items.get(hash));
	}

	@Override
	public Optional<BucketDefinition> bucket(long hash) {
		return Optional.ofNullable(buckets.get(hash));
	}

	@Override
	public Optional<DamageTypeDefinition> damageType(long hash) {
		return Optional.ofNullable(damageTypes.get(hash));
	}

	@Override
	public Optional<ClassDefinition> characterClass(long hash) {
		return Optional.ofNullable(classes.get(hash));
	}

	@Override
	public Optional<StatDefinition> stat(long hash) {
		return Optional.ofNullable(stats.get(hash));
	}

	@Override
	public Optional<VendorDefinition> vendor(long hash) {
		return Optional.ofNullable(vendors.get(hash));
	}

	@Override
	public Optional<DestinationDefinition> destination(long hash) {
		return Optional.ofNullable(destinations.get(hash));
	}

	@Override
	public Optional<ItemDetailDefinition> itemDetail(long hash) {
		return Optional.ofNullable(itemDetails.get(hash));
	}

	@Override
	public Optional<StatGroupDefinition> statGroup(long hash) {
		return Optional.ofNullable(statGroups.get(hash));
	}

	@Override
	public Optional<SocketCategoryDefinition> socketCategory(long hash) {
		return Optional.ofNullable(socketCategories.get(hash));
	}

	@Override
	public void unknownItem(long hash) {
		unknown.add(hash);
	}

	public static JsonNode demoProfile() {
		return read("destiny/demo/profile.json");
	}

	static JsonNode read(String path) {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return JSON.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static JsonMapper json() {
		return JSON;
	}

}
