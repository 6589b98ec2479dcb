package dev.tower.destiny.inventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

import dev.tower.destiny.bungie.BungieProperties;
import dev.tower.destiny.manifest.Definitions;
import dev.tower.destiny.manifest.ItemDetailDefinition;
import dev.tower.destiny.manifest.SocketCategoryDefinition;
import dev.tower.destiny.manifest.StatDefinition;
import dev.tower.destiny.manifest.StatGroupDefinition;

/**
 * The item window's details, asked for when a window opens rather than with the board: {@code GetItem} with
 * components 304 (stats) and 305 (sockets) for an instanced item, read through the manifest's stat groups, socket
 * categories and plug definitions. Stacks have no instance: their window shows the definition's description.
 */
@Service
class ItemWindow {

	/** The primary stat (Power): the window shows it as the item's power, not as a bar. */
	static final long POWER = 1935470627L;

	static final String PRIVATE = "hidden by the player's privacy settings";

	private final DestinyApi api;

	private final Definitions definitions;

	private final String iconBase;

	ItemWindow(DestinyApi api, Definitions definitions, BungieProperties bungie) {
		this.api = api;
		this.definitions = definitions;
		this.iconBase = bungie.configured() ? bungie.baseUrl().toString() : "";
	}

	ItemDetails details(Guardian guardian, Item item) {
		ItemDetailDefinition definition = definitions.itemDetail(item.hash())
			.orElseGet(() -> ItemDetailDefinition.of(item.hash(), MissingNode.getInstance()));
		String description = item.classified() ? "" : definition.description();
		if (item.instanceId() == null || item.classified()) {
			return new ItemDetails(item.key(), item.name(), item.type(), item.tierLabel(), description, item.power(),
					item.damage(), List.of(), null, List.of(), null, null, item.masterwork());
		}
		JsonNode response = api.item(guardian, item.instanceId());
		JsonNode sockets = response.path("sockets");
		List<JsonNode> socketStates = new ArrayList<>();
		sockets.path("data").path("sockets").values().forEach(socketStates::add);
		ItemDetails.Plug masterwork = null;
		Map<Long, Integer> masterworkStats = Map.of();
		for (JsonNode socket : socketStates) {
			Optional<ItemDetailDefinition> plug = plugDefinition(socket);
			if (plug.isPresent() && plug.get().masterwork()) {
				masterwork = plug(socket).orElse(null);
				masterworkStats = plug.get().investmentStats();
				break;
			}
		}
		return new ItemDetails(item.key(), item.name(), item.type(), item.tierLabel(), description, item.power(),
				item.damage(), stats(response.path("stats").path("data").path("stats"), definition, masterworkStats),
				note(response.path("stats")), groups(socketStates, definition), note(sockets), masterwork,
				item.masterwork());
	}

	/** Stats as the item's stat group shows them (in its order and scale); without a group, every named stat. */
	private List<ItemDetails.Stat> stats(JsonNode stats, ItemDetailDefinition item, Map<Long, Integer> masterwork) {
		Map<Long, Integer> values = new LinkedHashMap<>();
		stats.forEachEntry((key, stat) -> values.put(ProfileReader.hash(stat.path("statHash")), stat.path("value").asInt(0)));
		List<ItemDetails.Stat> shown = new ArrayList<>();
		Optional<StatGroupDefinition> group = item.statGroupHash() == 0 ? Optional.empty()
				: definitions.statGroup(item.statGroupHash());
		if (group.isPresent()) {
			for (StatGroupDefinition.ScaledStat scaled : group.get().scaledStats()) {
				Integer value = values.get(scaled.statHash());
				Optional<String> name = statName(scaled.statHash());
				if (value != null && name.isPresent()) {
					shown.add(new ItemDetails.Stat(scaled.statHash(), name.get(), value,
							scaled.maximumValue() > 0 ? scaled.maximumValue() : 100, scaled.displayAsNumeric(),
							masterwork.getOrDefault(scaled.statHash(), 0)));
				}
			}
			return shown;
		}
		values.forEach((hash, value) -> {
			Optional<String> name = hash == POWER ? Optional.empty() : statName(hash);
			name.ifPresent(n -> shown.add(new ItemDetails.Stat(hash, n, value, Math.max(100, value), false,
					masterwork.getOrDefault(hash, 0))));
		});
		return shown;
	}

	private Optional<String> statName(long hash) {
		return definitions.stat(hash).map(StatDefinition::name).filter(n -> n != null && !n.isBlank());
	}

	/**
	 * The visible plugs by the definition's socket categories (the masterwork is shown on its own); when the
	 * definition names no categories, every visible plug in one group, so nothing is dropped.
	 */
	private List<ItemDetails.SocketGroup> groups(List<JsonNode> sockets, ItemDetailDefinition item) {
		List<ItemDetails.SocketGroup> groups = new ArrayList<>();
		if (item.socketCategories().isEmpty()) {
			List<ItemDetails.Plug> plugs = plugs(sockets, java.util.stream.IntStream.range(0, sockets.size()).boxed().toList());
			if (!plugs.isEmpty()) {
				groups.add(new ItemDetails.SocketGroup("Perks and mods", plugs));
			}
			return groups;
		}
		for (ItemDetailDefinition.SocketCategory category : item.socketCategories()) {
			List<ItemDetails.Plug> plugs = plugs(sockets, category.socketIndexes());
			if (!plugs.isEmpty()) {
				String name = definitions.socketCategory(category.socketCategoryHash())
					.map(SocketCategoryDefinition::name)
					.filter(n -> n != null && !n.isBlank())
					.orElse("Perks and mods");
				groups.add(new ItemDetails.SocketGroup(title(name), plugs));
			}
		}
		return groups;
	}

	private List<ItemDetails.Plug> plugs(List<JsonNode> sockets, List<Integer> indexes) {
		List<ItemDetails.Plug> plugs = new ArrayList<>();
		for (int index : indexes) {
			if (index < 0 || index >= sockets.size()) {
				continue;
			}
			JsonNode socket = sockets.get(index);
			boolean masterwork = plugDefinition(socket).map(ItemDetailDefinition::masterwork).orElse(false);
			if (socket.path("isVisible").asBoolean(true) && !masterwork) {
				plug(socket).ifPresent(plugs::add);
			}
		}
		return plugs;
	}

	private Optional<ItemDetailDefinition> plugDefinition(JsonNode socket) {
		long hash = ProfileReader.hash(socket.path("plugHash"));
		return hash == 0 ? Optional.empty() : definitions.itemDetail(hash);
	}

	/** The socket's plug; one the manifest does not know is still listed, as Classified. */
	private Optional<ItemDetails.Plug> plug(JsonNode socket) {
		long hash = ProfileReader.hash(socket.path("plugHash"));
		if (hash == 0) {
			return Optional.empty();
		}
		boolean enabled = socket.path("isEnabled").asBoolean(true);
		return Optional.of(definitions.item(hash)
			.filter(d -> !d.redacted() && d.name() != null && !d.name().isBlank())
			.map(d -> new ItemDetails.Plug(hash, d.name(), blankTo(d.itemTypeDisplayName(), ""),
					definitions.itemDetail(hash).map(ItemDetailDefinition::description).orElse(""), url(d.icon()),
					enabled))
			.orElseGet(() -> new ItemDetails.Plug(hash, InventoryDecoder.CLASSIFIED, "", "", null, enabled)));
	}

	/** Why a component has no data: Bungie's privacy flag or a disabled component; null when there is nothing to say. */
	static String note(JsonNode component) {
		if (ProfileReader.hiddenByPrivacy(component)) {
			return PRIVATE;
		}
		// Public and without data: the item has none (a ghost has no stats)
		return !component.has("data") && component.path("disabled").asBoolean(false)
				? "switched off at Bungie.net for now" : null;
	}

	/** Bungie's category names are capitals ("WEAPON PERKS"): the window writes them as titles. */
	static String title(String name) {
		if (!name.equals(name.toUpperCase(Locale.ROOT))) {
			return name;
		}
		String lower = name.toLowerCase(Locale.ROOT);
		return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
	}

	private String url(String path) {
		String url = path == null || path.isBlank() ? null
				: path.startsWith("http://") || path.startsWith("https://") ? path : iconBase + path;
		return DestinyTiles.safeUrl(url);
	}

	private static String blankTo(String value, String fallback) {
		return value == null || value.isBlank() ? fallback : value;
	}

}
