package dev.tower.destiny.inventory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import dev.tower.destiny.bungie.BungieException;
import dev.tower.destiny.manifest.BucketDefinition;
import dev.tower.destiny.manifest.Definitions;
import dev.tower.destiny.manifest.ItemDefinition;

/**
 * {@link DestinyApi} on the bundled demo profile: each demo board (one per browser session) is its own in-memory
 * copy of {@code destiny/demo/profile.json}, changed by transfers, equips and pulls with Bungie's rules and
 * refusals (room in the destination, one exotic weapon and one exotic armour piece, class, not transferable), so
 * the demo behaves like the real thing.
 */
final class DemoDestinyApi implements DestinyApi {

	static final long XUR = 2190858386L;

	private static final int MAX_BOARDS = 500;

	private final Definitions definitions;

	private final JsonNode profile;

	private final JsonNode xur;

	/** The least recently used boards are forgotten first. */
	private final Map<String, DemoBoard> boards = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, DemoBoard> eldest) {
			return size() > MAX_BOARDS;
		}
	});

	DemoDestinyApi(Definitions definitions, JsonMapper json) {
		this.definitions = definitions;
		this.profile = read(json, "destiny/demo/profile.json");
		this.xur = read(json, "destiny/demo/xur.json");
	}

	@Override
	public JsonNode profile(Guardian guardian) {
		return board(guardian).snapshot();
	}

	@Override
	public JsonNode vendor(Guardian guardian, String characterId, long vendorHash) {
		board(guardian).character(characterId);
		if (vendorHash != XUR) {
			throw refused(1627, "DestinyVendorNotFound", "The Vendor you were looking for was not found.");
		}
		return xur.deepCopy();
	}

	@Override
	public void transfer(Guardian guardian, TransferItemRequest request) {
		board(guardian).transfer(request);
	}

	@Override
	public void equip(Guardian guardian, ItemActionRequest request) {
		board(guardian).equip(request);
	}

	@Override
	public void pullFromPostmaster(Guardian guardian, PostmasterTransferRequest request) {
		board(guardian).pull(request);
	}

	/** Starts the guardian's demo board afresh. */
	void reset(Guardian guardian) {
		boards.remove(guardian.key());
	}

	private DemoBoard board(Guardian guardian) {
		return boards.computeIfAbsent(guardian.key(), key -> new DemoBoard((ObjectNode) profile.deepCopy()));
	}

	private static JsonNode read(JsonMapper json, String path) {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return json.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("the demo data " + path + " is missing from the build", ex);
		}
	}

	static BungieException refused(int code, String status, String message) {
		return new BungieException(BungieException.Kind.REFUSED, code, status, message, null, null);
	}

	/** One player's demo profile, in Bungie's wire format, changed in place under its own lock. */
	private final class DemoBoard {

		private final ObjectNode profile;

		DemoBoard(ObjectNode profile) {
			this.profile = profile;
		}

		synchronized JsonNode snapshot() {
			return profile.deepCopy();
		}

		synchronized void transfer(TransferItemRequest request) {
			String characterId = request.characterId();
			character(characterId);
			if (request.transferToVault()) {
				ArrayNode inventory = inventory(characterId);
				int index = find(inventory, request, notAtPostmaster());
				if (index < 0) {
					if (find(equipment(characterId), request, any()) >= 0) {
						throw refused(1656, "DestinyCannotPerformActionOnEquippedItem",
								"You cannot perform this action on an equipped item.");
					}
					if (find(inventory, request, any()) >= 0) {
						throw refused(1671, "DestinyCannotPerformActionAtThisLocation",
								"You cannot perform this action at this location.");
					}
					throw notFound();
				}
				ItemDefinition definition = transferable(inventory.get(index));
				long used = count(vault(), item -> item.path("bucketHash").asLong() == Buckets.VAULT);
				if (used >= capacity(Buckets.VAULT, false)) {
					throw noRoom();
				}
				move(inventory, index, vault(), request.stackSize(), Buckets.VAULT, 2, definition);
			}
			else {
				ArrayNode vault = vault();
				int index = find(vault, request, item -> item.path("bucketHash").asLong() == Buckets.VAULT);
				if (index < 0) {
					throw notFound();
				}
				ItemDefinition definition = transferable(vault.get(index));
				long bucket = definition.bucketHash();
				ArrayNode inventory = inventory(characterId);
				if (count(inventory, item -> item.path("bucketHash").asLong() == bucket) >= capacity(bucket, true)) {
					throw noRoom();
				}
				move(vault, index, inventory, request.stackSize(), bucket, 1, definition);
			}
		}

		synchronized void equip(ItemActionRequest request) {
			ObjectNode character = character(request.characterId());
			ArrayNode inventory = inventory(request.characterId());
			ArrayNode equipment = equipment(request.characterId());
			int index = find(inventory, request.itemId(), 0, notAtPostmaster());
			if (index < 0) {
				if (find(equipment, request.itemId(), 0, any()) >= 0) {
					return; // already equipped: Bungie answers success
				}
				throw notFound();
			}
			JsonNode item = inventory.get(index);
			ItemDefinition definition = definition(item).filter(d -> !d.redacted() && d.equippable())
				.orElseThrow(() -> refused(1663, "DestinyItemActionForbidden", "This item cannot be equipped."));
			int classType = character.path("classType").asInt();
			if (definition.classType() != 3 && definition.classType() != classType) {
				throw refused(1663, "DestinyItemActionForbidden", "This item cannot be equipped by this class.");
			}
			long bucket = definition.bucketHash();
			if (definition.tierType() == 6) {
				for (JsonNode worn : equipment) {
					long wornBucket = worn.path("bucketHash").asLong();
					boolean sameKind = Buckets.weapon(bucket) ? Buckets.weapon(wornBucket)
							: Buckets.armour(bucket) && Buckets.armour(wornBucket);
					if (sameKind && wornBucket != bucket
							&& definition(worn).map(d -> d.tierType() == 6).orElse(false)) {
						throw refused(1641, "DestinyItemUniqueEquipRestricted",
								"You cannot equip more than one exotic of this kind.");
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
		}

		synchronized void pull(PostmasterTransferRequest request) {
			character(request.characterId());
			ArrayNode inventory = inventory(request.characterId());
			int index = find(inventory, request.itemId(), request.itemReferenceHash(),
					item -> item.path("bucketHash").asLong() == Buckets.POSTMASTER);
			if (index < 0) {
				throw notFound();
			}
			ItemDefinition definition = definition(inventory.get(index)).filter(d -> !d.redacted())
				.orElseThrow(() -> refused(1671, "DestinyCannotPerformActionAtThisLocation",
						"You cannot perform this action at this location."));
			long bucket = definition.bucketHash();
			if (count(inventory, item -> item.path("bucketHash").asLong() == bucket) >= capacity(bucket, true)) {
				throw noRoom();
			}
			move(inventory, index, inventory, request.stackSize(), bucket, 1, definition);
		}

		ObjectNode character(String characterId) {
			JsonNode character = characterId == null ? null
					: profile.path("characters").path("data").get(characterId);
			if (!(character instanceof ObjectNode node)) {
				throw refused(1620, "DestinyCharacterNotFound", "The character you are looking for was not found.");
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
			return instance instanceof ObjectNode node ? node : tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
		}

		private ItemDefinition transferable(JsonNode item) {
			ItemDefinition definition = definition(item).filter(d -> !d.redacted()).orElse(null);
			if (definition == null || definition.nonTransferrable()) {
				throw refused(1660, "DestinyItemNotTransferrable", "This item cannot be transferred.");
			}
			return definition;
		}

		/** Moves {@code stackSize} of the item at {@code index} (all of an instanced item) to {@code to}. */
		private void move(ArrayNode from, int index, ArrayNode to, int stackSize, long bucketHash, int location,
				ItemDefinition definition) {
			ObjectNode item = (ObjectNode) from.get(index);
			int quantity = item.path("quantity").asInt(1);
			boolean instanced = item.hasNonNull("itemInstanceId") && !"0".equals(item.path("itemInstanceId").asString());
			int amount = instanced ? 1 : Math.min(Math.max(stackSize, 1), quantity);
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

	private Optional<ItemDefinition> definition(JsonNode item) {
		return definitions.item(ProfileReader.hash(item.path("itemHash")));
	}

	private int capacity(long bucketHash, boolean besideEquipped) {
		Optional<BucketDefinition> bucket = definitions.bucket(bucketHash);
		int count = bucket.map(BucketDefinition::itemCount).orElse(Buckets.VAULT == bucketHash ? 700 : 10);
		boolean equippable = bucket.map(b -> b.category() == 3).orElse(false);
		return besideEquipped && equippable ? count - 1 : count;
	}

	private static int find(ArrayNode items, TransferItemRequest request, Predicate<JsonNode> where) {
		return find(items, request.itemId(), request.itemReferenceHash(), where);
	}

	/** By instance id, or by hash for a stack (item id absent or "0"). */
	private static int find(ArrayNode items, String itemId, long hash, Predicate<JsonNode> where) {
		boolean byHash = itemId == null || itemId.isBlank() || "0".equals(itemId);
		for (int i = 0; i < items.size(); i++) {
			JsonNode item = items.get(i);
			boolean same = byHash ? ProfileReader.hash(item.path("itemHash")) == hash && !item.hasNonNull("itemInstanceId")
					: itemId.equals(item.path("itemInstanceId").asString(""));
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

	private static Predicate<JsonNode> notAtPostmaster() {
		return item -> item.path("bucketHash").asLong() != Buckets.POSTMASTER;
	}

	private static Predicate<JsonNode> any() {
		return item -> true;
	}

	private static BungieException notFound() {
		return refused(1623, "DestinyItemNotFound", "The item requested was not found.");
	}

	private static BungieException noRoom() {
		return refused(1642, "DestinyNoRoomInDestination", "There are no item slots available to transfer this item.");
	}

}
