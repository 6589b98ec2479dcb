package dev.tower.destiny.loadout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongToIntFunction;
import java.util.stream.Stream;

import org.springframework.http.HttpStatus;

import dev.tower.destiny.inventory.Board;
import dev.tower.destiny.inventory.CharacterView;
import dev.tower.destiny.inventory.Guardians;
import dev.tower.destiny.inventory.Item;
import dev.tower.destiny.inventory.ItemMoves;
import dev.tower.destiny.inventory.ItemMoves.Hop;
import dev.tower.destiny.inventory.Slot;

/**
 * Plans a loadout's moves on a board, before any of them runs, as the game allows them: an item reaches a character
 * from the vault, or from another character through the vault (Bungie transfers only between a character and the
 * vault), after something else is equipped there in its place if it is worn. A full slot on the target first sends
 * one of its items that is not in the loadout to the vault; a full vault refuses. Exotics are equipped last, so the
 * loadout's other items have replaced any exotic the target wears elsewhere (only one exotic weapon and one exotic
 * armour piece can be worn). The board is followed as the moves would change it, so each check sees the state the
 * earlier moves leave.
 */
final class LoadoutPlanner {

	private final Board board;

	private final CharacterView target;

	/** How many items a character carries in a bucket beside the one it wears. */
	private final LongToIntFunction carriedCapacity;

	/** Where each board item is while the plan runs: owner ("vault" or a character id) and whether it is worn. */
	private final Map<String, Place> places = new HashMap<>();

	private final Set<String> loadoutKeys = new HashSet<>();

	private int vaultCount;

	private LoadoutPlanner(Board board, CharacterView target, LongToIntFunction carriedCapacity) {
		this.board = board;
		this.target = target;
		this.carriedCapacity = carriedCapacity;
		this.vaultCount = board.vaultCount();
		board.index().values().forEach(i -> places.put(i.key(), new Place(i.owner(), i.equipped())));
	}

	/**
	 * @param characterId the character to wear it
	 * @param carriedCapacity how many items a character carries in a bucket beside the worn one
	 * @throws LoadoutException (409) when the loadout cannot go on that character as things are
	 */
	static LoadoutPlan plan(Board board, Loadout loadout, String characterId, LongToIntFunction carriedCapacity) {
		CharacterView target = board.character(characterId)
			.orElseThrow(() -> new LoadoutException(HttpStatus.NOT_FOUND, "There is no such character on this board."));
		if (loadout.classType() != 3 && loadout.classType() != target.classType()) {
			throw refused("“" + loadout.name() + "” is a " + Guardians.className(loadout.classType()) + " loadout: "
					+ target.className() + " cannot wear its armour.");
		}
		return new LoadoutPlanner(board, target, carriedCapacity).plan(loadout);
	}

	private LoadoutPlan plan(Loadout loadout) {
		List<LoadoutPlan.Left> left = new ArrayList<>();
		List<Item> items = new ArrayList<>();
		for (Loadout.LoadoutItem saved : loadout.items()) {
			Optional<Item> item = board.item(saved.instanceId()).filter(i -> !i.classified());
			if (item.isEmpty()) {
				left.add(new LoadoutPlan.Left(saved.name(), "no longer in your inventory"));
			}
			else if (item.get().postmaster()) {
				left.add(new LoadoutPlan.Left(saved.name(), "at the postmaster: pull it first"));
			}
			else {
				items.add(item.get());
				loadoutKeys.add(item.get().key());
			}
		}
		items.sort(Comparator.comparing(Item::exotic));
		List<LoadoutPlan.Step> steps = new ArrayList<>();
		for (Item item : items) {
			steps.addAll(stepsFor(item));
		}
		return new LoadoutPlan(loadout, target, steps, left);
	}

	private List<LoadoutPlan.Step> stepsFor(Item item) {
		if (!ItemMoves.equippableBy(item, target)) {
			throw refused(item.name() + (item.equippable() ? " is for " + item.className() + "s: "
					+ target.className() + " cannot equip it." : " cannot be equipped."));
		}
		Place place = places.get(item.key());
		List<LoadoutPlan.Step> steps = new ArrayList<>();
		List<Hop> hops = new ArrayList<>();
		if (place.owner().equals(target.id())) {
			if (place.equipped()) {
				return List.of(step(item, hops, item.name() + " is already equipped on " + target.className() + "."));
			}
		}
		else {
			if (!item.transferable()) {
				throw refused(item.name() + " cannot be transferred: it stays with " + ownerName(place.owner()) + ".");
			}
			Optional<CharacterView> owner = board.character(place.owner());
			if (owner.isPresent()) {
				if (place.equipped()) {
					Item replacement = ItemMoves.replacement(owner.get(), item, this::canStandIn)
						.orElseThrow(() -> refused(item.name() + " is equipped on " + owner.get().className()
								+ " and nothing else it carries can take its place: carry another one there first."));
					hops.add(Hop.equipInstead(replacement, owner.get()));
					places.put(replacement.key(), new Place(owner.get().id(), true));
				}
				roomInVault(item);
				hops.add(Hop.toVault(item, owner.get().id()));
				vaultCount++;
			}
			else if (!item.inVault()) {
				throw refused(item.name() + " is not in the vault or on a character.");
			}
			if (carried(item.bucketHash()) >= carriedCapacity.applyAsInt(item.bucketHash())) {
				steps.add(makeRoom(item));
			}
			hops.add(Hop.fromVault(item, target));
			vaultCount--;
		}
		hops.add(Hop.equip(item, target));
		wornOnTarget(item.bucketHash()).ifPresent(worn -> places.put(worn, new Place(target.id(), false)));
		places.put(item.key(), new Place(target.id(), true));
		steps.add(step(item, hops, "Equipped " + item.name() + " on " + target.className() + "."));
		return steps;
	}

	/** Sends one of the target's carried items that is not in the loadout (the lowest power) to the vault. */
	private LoadoutPlan.Step makeRoom(Item coming) {
		Item leaving = target.slots()
			.stream()
			.filter(s -> s.hash() == coming.bucketHash())
			.flatMap(LoadoutPlanner::items)
			.filter(i -> !loadoutKeys.contains(i.key()) && i.transferable()
					&& places.get(i.key()).equals(new Place(target.id(), false)))
			.min(Comparator.comparingInt(Item::power))
			.orElseThrow(() -> refused("There is no room for " + coming.name() + " on " + target.className()
					+ " and everything it carries there is in the loadout."));
		roomInVault(leaving);
		places.put(leaving.key(), new Place("vault", false));
		vaultCount++;
		return new LoadoutPlan.Step(new ItemMoves.Plan(leaving, "vault", List.of(Hop.toVault(leaving, target.id())),
				"Moved " + leaving.name() + " to the vault to make room."), true);
	}

	private void roomInVault(Item item) {
		if (board.vaultCapacity() > 0 && vaultCount >= board.vaultCapacity()) {
			throw refused("The vault is full (" + vaultCount + " of " + board.vaultCapacity() + "), and " + item.name()
					+ " has to pass through it: make space there first.");
		}
	}

	/** A replacement must stay where it is for the plan: not a loadout item, and not moved by it. */
	private boolean canStandIn(Item item) {
		return !loadoutKeys.contains(item.key()) && places.get(item.key()).equals(new Place(item.owner(), false));
	}

	private long carried(long bucketHash) {
		return target.slots()
			.stream()
			.filter(s -> s.hash() == bucketHash)
			.flatMap(LoadoutPlanner::items)
			.filter(i -> places.get(i.key()).equals(new Place(target.id(), false)))
			.count();
	}

	private Optional<String> wornOnTarget(long bucketHash) {
		return places.entrySet()
			.stream()
			.filter(e -> e.getValue().equals(new Place(target.id(), true)))
			.map(e -> board.index().get(e.getKey()))
			.filter(i -> i.bucketHash() == bucketHash)
			.map(Item::key)
			.findFirst();
	}

	/** What the slot held when the board was read, worn or not. */
	private static Stream<Item> items(Slot slot) {
		return slot.equipped() == null ? slot.carried().stream()
				: Stream.concat(Stream.of(slot.equipped()), slot.carried().stream());
	}

	private LoadoutPlan.Step step(Item item, List<Hop> hops, String done) {
		return new LoadoutPlan.Step(new ItemMoves.Plan(item, target.id(), List.copyOf(hops), done), false);
	}

	private String ownerName(String owner) {
		return board.character(owner).map(CharacterView::className).orElse("the account");
	}

	private static LoadoutException refused(String message) {
		return new LoadoutException(HttpStatus.CONFLICT, "Nothing was moved: " + message);
	}

	private record Place(String owner, boolean equipped) {
	}

}
