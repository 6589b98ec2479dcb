package dev.tower.destiny.manifest;

import java.util.List;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;

/**
 * The manifest tables Tower keeps: Bungie's name for each, the database table it goes to, and the columns pulled
 * out of each definition for the pages (the full definition is kept beside them).
 */
public enum ManifestTable {

	ITEMS("DestinyInventoryItemDefinition", "manifest_item",
			List.of("name", "icon", "item_type_display_name", "tier_type_name", "tier_type", "bucket_hash", "class_type",
					"default_damage_type_hash", "redacted", "equippable", "max_stack_size", "non_transferrable"),
			d -> new Object[] { name(d), icon(d), text(d.path("itemTypeDisplayName")),
					text(d.path("inventory").path("tierTypeName")), d.path("inventory").path("tierType").asInt(0),
					hash(d.path("inventory").path("bucketTypeHash")), d.path("classType").asInt(3),
					hash(d.path("defaultDamageTypeHash")), d.path("redacted").asBoolean(false),
					d.path("equippable").asBoolean(false), d.path("inventory").path("maxStackSize").asInt(1),
					d.path("nonTransferrable").asBoolean(false) }),
	BUCKETS("DestinyInventoryBucketDefinition", "manifest_bucket",
			List.of("name", "category", "bucket_order", "location", "item_count", "has_transfer_destination"),
			d -> new Object[] { name(d), d.path("category").asInt(0), d.path("bucketOrder").asInt(0),
					d.path("location").asInt(0), d.path("itemCount").asInt(0),
					d.path("hasTransferDestination").asBoolean(false) }),
	TIER_TYPES("DestinyItemTierTypeDefinition", "manifest_tier_type", List.of("name"),
			d -> new Object[] { name(d) }),
	DAMAGE_TYPES("DestinyDamageTypeDefinition", "manifest_damage_type", List.of("name", "icon", "enum_value"),
			d -> new Object[] { name(d), icon(d), d.path("enumValue").asInt(0) }),
	CLASSES("DestinyClassDefinition", "manifest_class", List.of("name", "class_type"),
			d -> new Object[] { name(d), d.path("classType").asInt(3) }),
	STATS("DestinyStatDefinition", "manifest_stat", List.of("name", "icon"), d -> new Object[] { name(d), icon(d) }),
	VENDORS("DestinyVendorDefinition", "manifest_vendor", List.of("name", "subtitle", "icon"),
			d -> new Object[] { name(d), text(d.path("displayProperties").path("subtitle")), icon(d) }),
	STAT_GROUPS("DestinyStatGroupDefinition", "manifest_stat_group", List.of(), d -> new Object[0]),
	SOCKET_CATEGORIES("DestinySocketCategoryDefinition", "manifest_socket_category", List.of("name"),
			d -> new Object[] { name(d) }),
	DESTINATIONS("DestinyDestinationDefinition", "manifest_destination", List.of("name", "place_hash"),
			d -> new Object[] { name(d), hash(d.path("placeHash")) }),
	PLACES("DestinyPlaceDefinition", "manifest_place", List.of("name"), d -> new Object[] { name(d) });

	private final String bungieName;

	private final String sqlTable;

	private final List<String> columns;

	private final Function<JsonNode, Object[]> extractor;

	ManifestTable(String bungieName, String sqlTable, List<String> columns, Function<JsonNode, Object[]> extractor) {
		this.bungieName = bungieName;
		this.sqlTable = sqlTable;
		this.columns = columns;
		this.extractor = extractor;
	}

	/** The name in {@code jsonWorldComponentContentPaths}, e.g. {@code DestinyInventoryItemDefinition}. */
	public String bungieName() {
		return bungieName;
	}

	String sqlTable() {
		return sqlTable;
	}

	/** Every column of a row: version_id, hash, the extracted columns and the full definition. */
	List<String> sqlColumns() {
		return java.util.stream.Stream.of(List.of("version_id", "hash"), columns, List.of("definition"))
			.flatMap(List::stream)
			.toList();
	}

	/** The extracted columns of one definition, in {@link #sqlColumns()} order between the hash and the definition. */
	Object[] extract(JsonNode definition) {
		return extractor.apply(definition);
	}

	private static String name(JsonNode definition) {
		return text(definition.path("displayProperties").path("name"));
	}

	private static String icon(JsonNode definition) {
		return text(definition.path("displayProperties").path("icon"));
	}

	private static String text(JsonNode node) {
		return node.isValueNode() && !node.isNull() ? node.asString() : null;
	}

	/** Hashes are unsigned 32-bit; Bungie writes them as such, but a signed one is read back the same way. */
	static long hash(JsonNode node) {
		return node.isNumber() ? node.asLong() & 0xFFFF_FFFFL : 0;
	}

}
