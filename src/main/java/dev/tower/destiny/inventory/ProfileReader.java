package dev.tower.destiny.inventory;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Reads a {@code DestinyProfileResponse} (components 100, 102, 200, 201, 205, 300) into a {@link Profile}. Lenient
 * by design: a component Bungie leaves out (privacy, a disabled component) reads as empty rather than failing the
 * page; 64-bit ids stay strings whether Bungie sent them as strings or numbers.
 */
final class ProfileReader {

	private ProfileReader() {
	}

	static Profile read(JsonNode response) {
		JsonNode instances = response.path("itemComponents").path("instances").path("data");
		List<CharacterComponent> characters = new ArrayList<>();
		response.path("characters").path("data").forEachEntry((id, node) -> characters.add(character(node)));
		characters.sort(Comparator.comparing(CharacterComponent::dateLastPlayed,
				Comparator.nullsLast(Comparator.reverseOrder())));
		Map<String, List<ItemComponent>> inventories = new LinkedHashMap<>();
		response.path("characterInventories").path("data")
			.forEachEntry((id, node) -> inventories.put(id, items(node.path("items"), instances)));
		Map<String, List<ItemComponent>> equipment = new LinkedHashMap<>();
		response.path("characterEquipment").path("data")
			.forEachEntry((id, node) -> equipment.put(id, items(node.path("items"), instances)));
		return new Profile(bungieName(response.path("profile").path("data").path("userInfo")), List.copyOf(characters),
				items(response.path("profileInventory").path("data").path("items"), instances), inventories, equipment,
				hiddenParts(response));
	}

	static final String VAULT_HIDDEN = "the vault and account-wide items";

	/** The parts of the board a component carries, by the component's name in the response. */
	private static final Map<String, String> PARTS = Map.of("profileInventory", VAULT_HIDDEN,
			"characters", "the characters", "characterInventories", "what the characters carry",
			"characterEquipment", "what the characters wear");

	/** What the privacy settings hide, in words; the board shows the rest and says what is missing. */
	static List<String> hiddenParts(JsonNode response) {
		List<String> hidden = new ArrayList<>();
		for (String component : List.of("profileInventory", "characters", "characterInventories", "characterEquipment")) {
			if (hiddenByPrivacy(response.path(component))) {
				hidden.add(PARTS.get(component));
			}
		}
		if (hiddenByPrivacy(response.path("itemComponents").path("instances"))) {
			hidden.add("item power and damage");
		}
		return List.copyOf(hidden);
	}

	/**
	 * A component the player's privacy settings hide: {@code privacy} 2 (Private) and no data, or empty data
	 * ({@code {"items": []}}), as Bungie answers both. Private with data is the player's own, shown.
	 */
	static boolean hiddenByPrivacy(JsonNode component) {
		if (component.path("privacy").asInt(0) != 2) {
			return false;
		}
		JsonNode data = component.path("data");
		return data.isMissingNode() || data.isNull()
				|| data.valueStream().allMatch(value -> value.isContainer() && value.isEmpty());
	}

	/** The Bungie Name as the game shows it ({@code Name#0123}); the platform name for accounts without one. */
	static String bungieName(JsonNode userInfo) {
		String global = text(userInfo.path("bungieGlobalDisplayName"));
		if (global == null) {
			return text(userInfo.path("displayName"));
		}
		JsonNode code = userInfo.path("bungieGlobalDisplayNameCode");
		return code.isIntegralNumber() ? "%s#%04d".formatted(global, code.asInt()) : global;
	}

	static CharacterComponent character(JsonNode node) {
		return new CharacterComponent(id(node.path("characterId")), node.path("classType").asInt(3),
				hash(node.path("classHash")), node.path("light").asInt(0), text(node.path("emblemPath")),
				text(node.path("emblemBackgroundPath")), node.path("raceType").asInt(3), node.path("genderType").asInt(2),
				instant(node.path("dateLastPlayed")));
	}

	static List<ItemComponent> items(JsonNode array, JsonNode instances) {
		List<ItemComponent> items = new ArrayList<>(array.size());
		for (JsonNode node : array.values()) {
			items.add(item(node, instances));
		}
		return items;
	}

	static ItemComponent item(JsonNode node, JsonNode instances) {
		String instanceId = id(node.path("itemInstanceId"));
		if ("0".equals(instanceId)) {
			instanceId = null;
		}
		JsonNode instance = instanceId == null ? null : instances.get(instanceId);
		long damageTypeHash = 0;
		int power = 0;
		boolean equipped = false;
		boolean canEquip = false;
		if (instance != null) {
			damageTypeHash = hash(instance.path("damageTypeHash"));
			power = instance.path("primaryStat").path("value").asInt(0);
			equipped = instance.path("isEquipped").asBoolean(false);
			canEquip = instance.path("canEquip").asBoolean(false);
		}
		return new ItemComponent(hash(node.path("itemHash")), instanceId, Math.max(1, node.path("quantity").asInt(1)),
				hash(node.path("bucketHash")), node.path("location").asInt(0), node.path("state").asInt(0),
				node.path("transferStatus").asInt(0), node.path("lockable").asBoolean(false), damageTypeHash, power,
				equipped, canEquip);
	}

	/** An unsigned 32-bit hash; a signed one (as the manifest's SQLite ids are) is read back to unsigned. */
	static long hash(JsonNode node) {
		long value = node.isNumber() || node.isString() ? node.asLong(0) : 0;
		return value < 0 ? Integer.toUnsignedLong((int) value) : value;
	}

	/** A 64-bit id as its decimal string, never through a double. */
	static String id(JsonNode node) {
		if (node.isIntegralNumber()) {
			return node.bigIntegerValue().toString();
		}
		return node.isString() && !node.asString().isBlank() ? node.asString() : null;
	}

	private static String text(JsonNode node) {
		return node.isString() && !node.asString().isBlank() ? node.asString() : null;
	}

	private static Instant instant(JsonNode node) {
		try {
			return node.isString() ? Instant.parse(node.asString()) : null;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
