package dev.tower.destiny.loadout;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import dev.tower.destiny.bungie.Buckets;
import dev.tower.destiny.inventory.Board;
import dev.tower.destiny.inventory.CharacterView;
import dev.tower.destiny.inventory.Guardian;
import dev.tower.destiny.inventory.Inventories;
import dev.tower.destiny.inventory.Item;
import dev.tower.destiny.inventory.ItemMoves;
import dev.tower.destiny.inventory.MoveFailedException;
import dev.tower.destiny.inventory.Slot;
import dev.tower.destiny.manifest.BucketDefinition;
import dev.tower.destiny.manifest.Definitions;

/**
 * A Tower account's loadouts: saved from what a character wears, renamed, deleted, and applied through the board's
 * own moves ({@link ItemMoves}, which keeps Bungie's spacing between actions), one planned step after another. A
 * refusal stops the rest: the outcome says which items are in place and which are not.
 */
@Service
class Loadouts {

	/** A character's equipment buckets hold ten, one of them worn, when the manifest does not say. */
	private static final int CARRIED_BY_DEFAULT = 9;

	private final LoadoutStore store;

	private final Inventories inventories;

	private final ItemMoves moves;

	private final Definitions definitions;

	Loadouts(LoadoutStore store, Inventories inventories, ItemMoves moves, Definitions definitions) {
		this.store = store;
		this.inventories = inventories;
		this.moves = moves;
		this.definitions = definitions;
	}

	List<Loadout> list(long accountId) {
		return store.list(accountId);
	}

	/** Saves the weapons and armour {@code characterId} wears as {@code name}. */
	Loadout save(long accountId, Guardian guardian, String name, String characterId) {
		String valid = Loadout.name(name);
		if (characterId == null || characterId.isBlank()) {
			throw new LoadoutException(HttpStatus.BAD_REQUEST, "Which character's equipment? The request names none.");
		}
		Board board = inventories.board(guardian);
		CharacterView character = board.character(characterId)
			.orElseThrow(() -> new LoadoutException(HttpStatus.NOT_FOUND, "There is no such character on this board."));
		List<Loadout.LoadoutItem> items = new ArrayList<>();
		int classType = 3;
		for (Slot slot : character.slots()) {
			Item worn = slot.equipped();
			if (worn != null && !worn.classified() && !worn.stackable()
					&& (Buckets.weapon(slot.hash()) || Buckets.armour(slot.hash()))) {
				items.add(new Loadout.LoadoutItem(worn.instanceId(), worn.hash(), worn.bucketHash(), worn.name()));
				if (worn.classType() != 3) {
					classType = worn.classType();
				}
			}
		}
		if (items.isEmpty()) {
			throw new LoadoutException(HttpStatus.CONFLICT,
					character.className() + " wears no weapons or armour Tower knows: there is nothing to save.");
		}
		return store.create(accountId, valid, classType, items);
	}

	void rename(long accountId, long id, String name) {
		if (!store.rename(accountId, id, Loadout.name(name))) {
			throw notFound();
		}
	}

	void delete(long accountId, long id) {
		if (!store.delete(accountId, id)) {
			throw notFound();
		}
	}

	/**
	 * The moves that put loadout {@code id} on {@code characterId}, checked against the board before anything moves.
	 * @throws LoadoutException when there is no such loadout or character, or it cannot go there
	 */
	LoadoutPlan plan(long accountId, Guardian guardian, long id, String characterId) {
		if (characterId == null || characterId.isBlank()) {
			throw new LoadoutException(HttpStatus.BAD_REQUEST, "Apply it to which character? Say ?character=….");
		}
		Loadout loadout = store.find(accountId, id).orElseThrow(Loadouts::notFound);
		// A plan of several moves is worth one fresh look: the board may be up to 30 s old.
		inventories.forget(guardian);
		return LoadoutPlanner.plan(inventories.board(guardian), loadout, characterId, this::carriedCapacity);
	}

	/** Told as the plan runs: each Bungie action before it is sent, and each item once it is in place. */
	interface Listener extends ItemMoves.Progress {

		void placed(LoadoutPlan.Step step, String message);

	}

	/**
	 * The loadout's items in place, and those that are not, with why.
	 * @param refusal what stopped it, or null when every step ran
	 */
	record Outcome(String message, List<String> placed, List<LoadoutPlan.Left> notPlaced,
			MoveFailedException refusal) {
	}

	/** Runs the plan's steps in order, stopping at the first refusal. */
	Outcome apply(Guardian guardian, LoadoutPlan plan, Listener listener) {
		List<String> placed = new ArrayList<>();
		List<LoadoutPlan.Left> notPlaced = new ArrayList<>(plan.left());
		List<LoadoutPlan.Step> steps = plan.steps();
		int of = plan.hops();
		int before = 0;
		for (int i = 0; i < steps.size(); i++) {
			LoadoutPlan.Step step = steps.get(i);
			int offset = before;
			try {
				ItemMoves.Outcome done = moves.run(guardian, step.plan(),
						(number, count, text) -> listener.step(offset + number, of, text));
				listener.placed(step, done.message());
				if (!step.makesRoom()) {
					placed.add(step.name());
				}
			}
			catch (MoveFailedException ex) {
				notPlaced.addAll(0, stopped(steps, i, ex, placed));
				return new Outcome("Stopped: " + ex.getMessage(), placed, notPlaced, ex);
			}
			before += step.plan().hops().size();
		}
		String target = plan.target().className();
		String message = "“" + plan.loadout().name() + "” is on " + target + ": " + placed.size() + " of "
				+ plan.loadout().items().size() + " items in place"
				+ (notPlaced.isEmpty() ? "." : "; not placed: " + names(notPlaced) + ".");
		return new Outcome(message, placed, notPlaced, null);
	}

	/**
	 * The loadout items of the refused step and of those after it that had to move, which did not run; those after it
	 * already in place go to {@code placed}.
	 */
	private static List<LoadoutPlan.Left> stopped(List<LoadoutPlan.Step> steps, int refused, MoveFailedException ex,
			List<String> placed) {
		List<LoadoutPlan.Left> left = new ArrayList<>();
		for (int i = refused; i < steps.size(); i++) {
			LoadoutPlan.Step step = steps.get(i);
			if (step.makesRoom()) {
				continue;
			}
			if (i == refused) {
				left.add(new LoadoutPlan.Left(step.name(), ex.getMessage()));
			}
			else if (step.plan().hops().isEmpty()) {
				placed.add(step.name());
			}
			else {
				left.add(new LoadoutPlan.Left(step.name(), "not tried: the loadout stopped at the refusal"));
			}
		}
		return left;
	}

	private static String names(List<LoadoutPlan.Left> left) {
		return String.join(", ", left.stream().map(LoadoutPlan.Left::name).toList());
	}

	private int carriedCapacity(long bucketHash) {
		return definitions.bucket(bucketHash)
			.map(BucketDefinition::itemCount)
			.filter(count -> count > 1)
			.map(count -> count - 1)
			.orElse(CARRIED_BY_DEFAULT);
	}

	private static LoadoutException notFound() {
		return new LoadoutException(HttpStatus.NOT_FOUND, "You have no such loadout.");
	}

}
