package dev.tower.destiny.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import dev.tower.destiny.bungie.Buckets;
import dev.tower.destiny.bungie.BungieEndpoints;
import dev.tower.destiny.bungie.BungieIds;
import dev.tower.destiny.bungie.Envelope;
import dev.tower.destiny.bungie.WeeklyReset;
import dev.tower.destiny.manifest.BucketDefinition;
import dev.tower.destiny.manifest.Definitions;
import dev.tower.destiny.manifest.ItemDefinition;

/**
 * Bungie.net's side of the board, simulated: each player's profile (the bundled {@code destiny/demo/profile.json},
 * components 100, 102, 200, 201, 205, 300), changed by {@code TransferItem}, {@code EquipItem} and
 * {@code PullFromPostmaster} with the game's rules and refusals (room in the destination, one exotic weapon and one
 * exotic armour piece, class, not transferable, equipped, at the postmaster), and Xûr. Requests are Bungie's JSON
 * bodies and every answer is Bungie's envelope, so whoever calls it reads it as they read Bungie.net: the demo board
 * in-process, the tests over HTTP. The rules come from the manifest's definitions (bucket, class, tier, capacity).
 */
public final class DemoBungie {

	private static final int MAX_PLAYERS = 500;

	private final Definitions definitions;

	private final JsonNode profile;

	private final JsonNode xur;

	/** Components 304 and 305 of every demo item, by instance id: they do not change when the item moves. */
	private final JsonNode itemComponents;

	private final Clock clock;

	/** The least recently seen players are forgotten first. */
	private final Map<String, Inventory> players = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Inventory> eldest) {
			return size() > MAX_PLAYERS;
		}
	});

	public DemoBungie(Definitions definitions, JsonMapper json) {
		this(definitions, json, Clock.systemUTC());
	}

	/** {@code clock} sets Xûr's week: he is here from the Friday reset to Tuesday's, as in the game. */
	public DemoBungie(Definitions definitions, JsonMapper json, Clock clock) {
		this.clock = clock;
		this.definitions = definitions;
		this.profile = read(json, "destiny/demo/profile.json");
		this.xur = read(json, "destiny/demo/xur.json");
		this.itemComponents = read(json, "destiny/demo/items.json");
	}

	/**
	 * Starts {@code player} afresh on the demo profile, changed by {@code setUp} (their name, say). A player not
	 * started is started on the demo profile as it is when first seen.
	 */
	public void start(String player, Consumer<ObjectNode> setUp) {
		ObjectNode fresh = (ObjectNode) profile.deepCopy();
		setUp.accept(fresh);
		players.put(player, new Inventory(fresh));
	}

	/** {@code GetProfile}: the player's {@code DestinyProfileResponse}. */
	public ObjectNode profile(String player) {
		return answer(player, Inventory::snapshot);
	}

	/**
	 * {@code GetItem} with components 300, 304, 305: a {@code DestinyItemResponse} for one of the player's instanced
	 * items, wherever it is now.
	 */
	public ObjectNode item(String player, String itemInstanceId) {
		return answer(player, inventory -> inventory.item(itemInstanceId));
	}

	/** {@code GetVendor} for one of the player's characters: Xûr's wares, and no other vendor. */
	public ObjectNode vendor(String player, String characterId, long vendorHash) {
		return answer(player, inventory -> {
			inventory.character(characterId);
			LocalDate visit = WeeklyReset.visitAt(clock.instant()).orElse(null);
			if (vendorHash != BungieEndpoints.XUR || visit == null) {
				throw new Refused(PlatformError.VENDOR_NOT_FOUND);
			}
			ObjectNode wares = (ObjectNode) xur.deepCopy();
			((ObjectNode) wares.path("vendor").path("data")).put("nextRefreshDate",
					WeeklyReset.leaves(visit).toString());
			return wares;
		});
	}

	/** {@code TransferItem} with a {@code DestinyItemTransferRequest}: between a character and the vault. */
	public ObjectNode transferItem(String player, JsonNode request) {
		return answer(player, inventory -> inventory.transfer(request));
	}

	/** {@code EquipItem} with a {@code DestinyItemActionRequest}: an item the character carries. */
	public ObjectNode equipItem(String player, JsonNode request) {
		return answer(player, inventory -> inventory.equip(request));
	}

	/** {@code PullFromPostmaster} with a {@code DestinyPostmasterTransferRequest}: into the character's inventory. */
	public ObjectNode pullFromPostmaster(String player, JsonNode request) {
		return answer(player, inventory -> inventory.pull(request));
	}

	private ObjectNode answer(String player, Function<Inventory, JsonNode> call) {
		Inventory inventory = players.computeIfAbsent(player, key -> new Inventory((ObjectNode) profile.deepCopy()));
		try {
			synchronized (inventory) {
				return Envelope.success(call.apply(inventory));
			}
		}
		catch (Refused refused) {
			return refused.error.envelope(refused.getMessage());
		}
	}

	private static JsonNode read(JsonMapper json, String path) {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return json.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("the demo data " + path + " is missing from the build", ex);
		}
	}

	/** Bungie said no: the answer is its error envelope and nothing changed. */
	private static final class Refused extends RuntimeException {

		private final PlatformError error;

		Refused(PlatformError error) {
			this(error, error.message());
		}

		Refused(PlatformError error, String message) {
			super(message, null, false, false);
			this.error = error;
		}

	}

	/** What an action names: an item by instance id (or by hash for a stack), a character, how many. */
	private record Action(String itemId, long hash, String characterId, int stackSize) {

		/** The request's fields as Bungie reads them; a wrong type or a stack below one is invalid. */
		static Action of(JsonNode request, boolean hashed) {
			JsonNode stackSize = request.path("stackSize");
			if (hashed && (!request.path("itemReferenceHash").isIntegralNumber() || !stackSize.isIntegralNumber()
					|| stackSize.asInt() < 1)) {
				throw new Refused(PlatformError.INVALID_PARAMETERS);
			}
			return new Action(BungieIds.id(request.path("itemId")), BungieIds.hash(request.path("itemReferenceHash")),
					BungieIds.id(request.path("characterId")), stackSize.asInt(1));
		}

	}

	/** One player's profile in Bungie's wire format, changed in place (the caller holds its lock). */
	private final class Inventory {

		private final ObjectNode profile;

		Inventory(ObjectNode profile) {
			this.profile = profile;
		}

		JsonNode snapshot() {
			return profile.deepCopy();
		}

		JsonNode transfer(JsonNode request) {
			if (!request.path("transferToVault").isBoolean()) {
				throw new Refused(PlatformError.INVALID_PARAMETERS);
			}
			Action action = Action.of(request, true);
			String characterId = action.characterId();
			character(characterId);
			if (request.path("transferToVault").asBoolean()) {
				ArrayNode inventory = inventory(characterId);
				int index = find(inventory, action, notAtPostmaster());
				if (index < 0) {
					if (find(equipment(characterId), action, any()) >= 0) {
						throw new Refused(PlatformError.EQUIPPED_ITEM);
					}
					if (find(inventory, action, any()) >= 0) {
						throw new Refused(PlatformError.NOT_AT_THIS_LOCATION);
					}
					throw new Refused(PlatformError.ITEM_NOT_FOUND);
				}
				ItemDefinition definition = transferable(inventory.get(index));
				if (count(vault(), inBucket(Buckets.VAULT)) >= capacity(Buckets.VAULT, false)) {
					throw new Refused(PlatformError.NO_ROOM_IN_DESTINATION);
				}
				move(inventory, index, vault(), action.stackSize(), Buckets.VAULT, 2, definition);
			}
			else {
				ArrayNode vault = vault();
				int index = find(vault, action, inBucket(Buckets.VAULT));
				if (index < 0) {
					throw new Refused(PlatformError.ITEM_NOT_FOUND);
				}
				ItemDefinition definition = transferable(vault.get(index));
				long bucket = definition.bucketHash();
				ArrayNode inventory = inventory(characterId);
				if (count(inventory, inBucket(bucket)) >= capacity(bucket, true)) {
					throw new Refused(PlatformError.NO_ROOM_IN_DESTINATION);
				}
				move(vault, index, inventory, action.stackSize(), bucket, 1, definition);
			}
			return IntNode.valueOf(0);
		}

		JsonNode equip(JsonNode request) {
			Action action = Action.of(request, false);
			ObjectNode character = character(action.characterId());
			ArrayNode inventory = inventory(action.characterId());
			ArrayNode equipment = equipment(action.characterId());
			int index = find(inventory, action, notAtPostmaster());
			if (index < 0) {
				if (find(equipment, action, any()) >= 0) {
					return IntNode.valueOf(0); // already equipped: Bungie answers success
				}
				throw new Refused(PlatformError.ITEM_NOT_FOUND);
			}
			JsonNode item = inventory.get(index);
			ItemDefinition definition = definition(item).filter(d -> !d.redacted() && d.equippable())
				.orElseThrow(() -> new Refused(PlatformError.ACTION_FORBIDDEN));
			int classType = character.path("classType").asInt();
			if (definition.classType() != 3 && definition.classType() != classType) {
				throw new Refused(PlatformError.ACTION_FORBIDDEN, "This item cannot be equipped by this class.");
			}
			long bucket = definition.bucketHash();
			if (definition.tierType() == 6) {
				for (JsonNode worn : equipment) {
					long wornBucket = worn.path("bucketHash").asLong();
					boolean sameKind = Buckets.weapon(bucket) ? Buckets.weapon(wornBucket)
							: Buckets.armour(bucket) && Buckets.armour(wornBucket);
					if (sameKind && wornBucket != bucket
							&& definition(worn).map(d -> d.tierType() == 6).orElse(false)) {
						throw new Refused(PlatformError.UNIQUE_EQUIP_RESTRICTED);
					}
				}
			}
			for (int i = 0; i < equipment.size(); i++) {
				if (equipment.get(i).path("bucketHash").asLong() == bucket) {
					ObjectNode previous = (ObjectNode) equipment.remove(i);
					previous.put("transferStatus", 0);
					instance(previous).put("isEquipped", false);
					inventory.add(previous);
					break;
				}
			}
			ObjectNode equipped = (ObjectNode) inventory.remove(index);
			equipped.put("transferStatus", 1);
			instance(equipped).put("isEquipped", true);
			equipment.add(equipped);
			character.put("light", light(equipment));
			return IntNode.valueOf(0);
		}

		JsonNode pull(JsonNode request) {
			Action action = Action.of(request, true);
			character(action.characterId());
			ArrayNode inventory = inventory(action.characterId());
			int index = find(inventory, action, inBucket(Buckets.POSTMASTER));
			if (index < 0) {
				throw new Refused(PlatformError.ITEM_NOT_FOUND);
			}
			ItemDefinition definition = definition(inventory.get(index)).filter(d -> !d.redacted())
				.orElseThrow(() -> new Refused(PlatformError.NOT_AT_THIS_LOCATION));
			long bucket = definition.bucketHash();
			if (count(inventory, inBucket(bucket)) >= capacity(bucket, true)) {
				throw new Refused(PlatformError.NO_ROOM_IN_DESTINATION);
			}
			move(inventory, index, inventory, action.stackSize(), bucket, 1, definition);
			return IntNode.valueOf(0);
		}

		JsonNode item(String instanceId) {
			ObjectNode response = JsonNodeFactory.instance.objectNode();
			JsonNode found = instanceIn(vault(), instanceId);
			for (String characterId : profile.path("characters").path("data").propertyNames()) {
				JsonNode carried = found != null ? null : instanceIn(inventory(characterId), instanceId);
				JsonNode worn = found != null || carried != null ? null : instanceIn(equipment(characterId), instanceId);
				if (carried != null || worn != null) {
					found = carried != null ? carried : worn;
					response.put("characterId", characterId);
				}
			}
			if (found == null) {
				throw new Refused(PlatformError.ITEM_NOT_FOUND);
			}
			response.set("item", component(found));
			response.set("instance", component(instance(found)));
			for (String name : new String[] { "stats", "sockets" }) {
				JsonNode data = itemComponents.path(name).path("data").get(instanceId);
				response.set(name, data == null ? JsonNodeFactory.instance.objectNode().put("privacy", 1)
						: component(data));
			}
			return response;
		}

		private JsonNode instanceIn(ArrayNode items, String instanceId) {
			for (JsonNode item : items) {
				if (instanceId.equals(BungieIds.id(item.path("itemInstanceId")))) {
					return item;
				}
			}
			return null;
		}

		ObjectNode character(String characterId) {
			JsonNode character = characterId == null ? null
					: profile.path("characters").path("data").get(characterId);
			if (!(character instanceof ObjectNode node)) {
				throw new Refused(PlatformError.CHARACTER_NOT_FOUND);
			}
			return node;
		}

		private ArrayNode vault() {
			return (ArrayNode) profile.path("profileInventory").path("data").path("items");
		}

		private ArrayNode inventory(String characterId) {
			return (ArrayNode) profile.path("characterInventories").path("data").path(characterId).path("items");
		}

		private ArrayNode equipment(String characterId) {
			return (ArrayNode) profile.path("characterEquipment").path("data").path(characterId).path("items");
		}

		private ObjectNode instance(JsonNode item) {
			String id = item.path("itemInstanceId").asString("");
			JsonNode instance = profile.path("itemComponents").path("instances").path("data").get(id);
			return instance instanceof ObjectNode node ? node : JsonNodeFactory.instance.objectNode();
		}

		private ItemDefinition transferable(JsonNode item) {
			return definition(item).filter(d -> !d.redacted() && !d.nonTransferrable())
				.orElseThrow(() -> new Refused(PlatformError.NOT_TRANSFERRABLE));
		}

		/** Moves {@code stackSize} of the item at {@code index} (all of an instanced item) to {@code to}. */
		private void move(ArrayNode from, int index, ArrayNode to, int stackSize, long bucketHash, int location,
				ItemDefinition definition) {
			ObjectNode item = (ObjectNode) from.get(index);
			int quantity = item.path("quantity").asInt(1);
			boolean instanced = BungieIds.id(item.path("itemInstanceId")) != null;
			int amount = instanced ? 1 : Math.min(stackSize, quantity);
			ObjectNode moved;
			if (instanced || amount == quantity) {
				moved = (ObjectNode) from.remove(index);
			}
			else {
				item.put("quantity", quantity - amount);
				moved = item.deepCopy();
			}
			moved.put("quantity", amount);
			moved.put("bucketHash", bucketHash);
			moved.put("location", location);
			moved.put("transferStatus", definition.nonTransferrable() ? 2 : 0);
			if (instanced) {
				ObjectNode instance = instance(moved);
				instance.put("isEquipped", false);
				instance.put("canEquip", location == 1 && definition.equippable());
				to.add(moved);
				return;
			}
			for (JsonNode existing : to) {
				if (existing.path("itemHash").asLong() == moved.path("itemHash").asLong()
						&& existing.path("bucketHash").asLong() == bucketHash && existing != item) {
					((ObjectNode) existing).put("quantity", existing.path("quantity").asInt(1) + amount);
					return;
				}
			}
			to.add(moved);
		}

		private int light(ArrayNode equipment) {
			int sum = 0;
			int count = 0;
			for (JsonNode item : equipment) {
				long bucket = item.path("bucketHash").asLong();
				if (Buckets.weapon(bucket) || Buckets.armour(bucket)) {
					sum += instance(item).path("primaryStat").path("value").asInt(0);
					count++;
				}
			}
			return count == 0 ? 0 : sum / count;
		}

	}

	/** A {@code SingleComponentResponse}: the data and the privacy it was read with (public). */
	private static ObjectNode component(JsonNode data) {
		ObjectNode component = JsonNodeFactory.instance.objectNode();
		component.set("data", data.deepCopy());
		component.put("privacy", 1);
		return component;
	}

	private Optional<ItemDefinition> definition(JsonNode item) {
		return definitions.item(BungieIds.hash(item.path("itemHash")));
	}

	private int capacity(long bucketHash, boolean besideEquipped) {
		Optional<BucketDefinition> bucket = definitions.bucket(bucketHash);
		int count = bucket.map(BucketDefinition::itemCount).orElse(Buckets.VAULT == bucketHash ? 700 : 10);
		boolean equippable = bucket.map(b -> b.category() == 3).orElse(false);
		return besideEquipped && equippable ? count - 1 : count;
	}

	/**
	 * The index of the item {@code action} names among {@code items}, where {@code where} holds: by instance id (and
	 * its hash, when the request gives one), or by hash for a stack; -1 when it is not there.
	 */
	private static int find(ArrayNode items, Action action, Predicate<JsonNode> where) {
		for (int i = 0; i < items.size(); i++) {
			JsonNode item = items.get(i);
			String instanceId = BungieIds.id(item.path("itemInstanceId"));
			long hash = BungieIds.hash(item.path("itemHash"));
			boolean same = action.itemId() == null ? instanceId == null && hash == action.hash()
					: action.itemId().equals(instanceId) && (action.hash() == 0 || hash == action.hash());
			if (same && where.test(item)) {
				return i;
			}
		}
		return -1;
	}

	private static long count(ArrayNode items, Predicate<JsonNode> where) {
		long count = 0;
		for (JsonNode item : items) {
			if (where.test(item)) {
				count++;
			}
		}
		return count;
	}

	private static Predicate<JsonNode> inBucket(long bucketHash) {
		return item -> item.path("bucketHash").asLong() == bucketHash;
	}

	private static Predicate<JsonNode> notAtPostmaster() {
		return inBucket(Buckets.POSTMASTER).negate();
	}

	private static Predicate<JsonNode> any() {
		return item -> true;
	}

}
