package dev.tower.destiny.inventory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.springframework.stereotype.Service;

import dev.tower.destiny.bungie.BungieException;
import dev.tower.destiny.inventory.DestinyApi.ItemActionRequest;
import dev.tower.destiny.inventory.DestinyApi.PostmasterTransferRequest;
import dev.tower.destiny.inventory.DestinyApi.TransferItemRequest;
import dev.tower.destiny.inventory.MoveFailedException.Reason;

/**
 * Moves items the way the game allows: one hop at a time through Bungie's actions. Character to character is two
 * hops through the vault; an equipped item leaving a character first has a replacement equipped; equipping an item
 * that is elsewhere moves it first; a postmaster item is pulled before it goes anywhere else. When a later hop
 * fails, the player is told where the item is now.
 */
@Service
public class ItemMoves {

	private final DestinyApi api;

	private final Inventories inventories;

	ItemMoves(DestinyApi api, Inventories inventories) {
		this.api = api;
		this.inventories = inventories;
	}

	/** Told before each hop: "Moving … to the vault", 1 of 2. */
	@FunctionalInterface
	public interface Progress {

		void step(int number, int of, String text);

	}

	/** What was done, and where the item is now. */
	public record Outcome(String message, String where) {
	}

	/**
	 * One Bungie action of a move.
	 * @param to where it goes, for messages ("the vault", "Hunter")
	 * @param after where the moved item is once it is done ("in the vault", "on Hunter")
	 */
	public record Hop(Kind kind, Item item, String characterId, String text, String to, String after) {

		public enum Kind {
			PULL, EQUIP, TO_VAULT, FROM_VAULT
		}

		/** From the character {@code from} into the vault. */
		public static Hop toVault(Item item, String from) {
			return new Hop(Kind.TO_VAULT, item, from, "Moving " + item.name() + " to the vault", "the vault",
					"in the vault");
		}

		/** From the vault onto {@code character}. */
		public static Hop fromVault(Item item, CharacterView character) {
			return new Hop(Kind.FROM_VAULT, item, character.id(),
					"Moving " + item.name() + " to " + character.className(), character.className(),
					"on " + character.className());
		}

		public static Hop equip(Item item, CharacterView character) {
			return new Hop(Kind.EQUIP, item, character.id(),
					"Equipping " + item.name() + " on " + character.className(), character.className(),
					"equipped on " + character.className());
		}

		/** Equips {@code replacement} so that the item worn in its slot can leave {@code owner}. */
		public static Hop equipInstead(Item replacement, CharacterView owner) {
			return new Hop(Kind.EQUIP, replacement, owner.id(),
					"Equipping " + replacement.name() + " on " + owner.className() + " in its place", owner.className(),
					"on " + owner.className());
		}

	}

	/** A checked move: the item as the board knows it and the hops that take it where it should go. */
	public record Plan(Item item, String destination, List<Hop> hops, String done) {
	}

	/**
	 * The moves an item's menu offers: {@code pull} from the postmaster, a move {@code to} each destination ("vault"
	 * or a character id), equipping on each of {@code equipOn}.
	 */
	record Allowed(boolean pull, List<String> to, List<String> equipOn) {

		static final Allowed NONE = new Allowed(false, List.of(), List.of());

	}

	/**
	 * The moves {@link #plan} accepts for {@code item} on {@code board}, by the rules it checks before asking Bungie
	 * (classified, transferable, who can equip it). An equipped item is offered even when nothing can take its
	 * place yet: trying says what to do.
	 */
	static Allowed allowed(Board board, Item item) {
		if (item.classified()) {
			return Allowed.NONE;
		}
		List<String> to = new ArrayList<>();
		List<String> equipOn = new ArrayList<>();
		for (CharacterView character : board.characters()) {
			boolean there = character.id().equals(item.owner());
			if (!there && item.transferable()) {
				to.add(character.id());
			}
			if ((there || item.transferable()) && equippableBy(item, character) && !(there && item.equipped())) {
				equipOn.add(character.id());
			}
		}
		if (!item.inVault() && item.transferable()) {
			to.add(Item.VAULT);
		}
		return new Allowed(item.postmaster(), List.copyOf(to), List.copyOf(equipOn));
	}

	/**
	 * Plans moving the item {@code itemKey} to {@code destination} ("vault" or a character id), equipping it there
	 * when {@code equip}.
	 * @throws MoveFailedException when the move is impossible before asking Bungie
	 */
	Plan plan(Guardian guardian, String itemKey, String destination, boolean equip) {
		if (destination == null || destination.isBlank()) {
			throw new MoveFailedException(Reason.UNCLEAR, "Where to? The request names no destination.");
		}
		Board board = inventories.board(guardian);
		Item item = find(guardian, board, itemKey);
		board = inventories.board(guardian);
		if (item.classified()) {
			throw new MoveFailedException(Reason.NOT_ALLOWED,
					"Classified items cannot be moved from Tower until the manifest knows them.");
		}
		boolean toVault = Item.VAULT.equals(destination);
		CharacterView target = toVault ? null : board.character(destination)
			.orElseThrow(() -> new MoveFailedException(Reason.UNCLEAR, "There is no such character on this board."));
		String destinationName = toVault ? "the vault" : target.className();
		if (equip && toVault) {
			throw new MoveFailedException(Reason.UNCLEAR, "Items are equipped on characters, not in the vault.");
		}
		if (equip && !equippableBy(item, target)) {
			throw new MoveFailedException(Reason.NOT_ALLOWED, item.name() + (item.equippable()
					? " is for " + Guardians.className(item.classType()) + "s: " + target.className() + " cannot equip it."
					: " cannot be equipped."));
		}
		List<Hop> hops = new ArrayList<>();
		String from = item.owner();
		if (item.postmaster()) {
			String owner = name(board, from);
			hops.add(new Hop(Hop.Kind.PULL, item, from, "Pulling " + item.name() + " from the postmaster",
					owner + "'s inventory", "in " + owner + "'s inventory"));
		}
		boolean there = from.equals(destination);
		if (!there) {
			if (!item.transferable()) {
				throw new MoveFailedException(Reason.NOT_ALLOWED, item.name() + " cannot be transferred: it stays with "
						+ name(board, from) + (item.postmaster() ? " (pull it from the postmaster there)." : "."));
			}
			if (board.character(from).isPresent()) {
				if (item.equipped()) {
					CharacterView owner = board.character(from).get();
					Item replacement = replacement(owner, item, i -> true)
						.orElseThrow(() -> new MoveFailedException(Reason.NOT_ALLOWED, item.name() + " is equipped on "
								+ owner.className() + " and nothing else it carries can take its place: carry another one first."));
					hops.add(Hop.equipInstead(replacement, owner));
				}
				hops.add(Hop.toVault(item, from));
			}
			else if (Item.ACCOUNT.equals(from)) {
				// Account-wide items reach the vault through any character.
				String via = toVault ? board.characters().get(0).id() : destination;
				hops.add(Hop.toVault(item, via));
			}
			if (!toVault) {
				hops.add(Hop.fromVault(item, target));
			}
		}
		if (equip && !(there && item.equipped() && !item.postmaster())) {
			hops.add(Hop.equip(item, target));
		}
		String done;
		if (hops.isEmpty()) {
			done = item.name() + (equip ? " is already equipped on " : " is already in ") + destinationName + ".";
		}
		else if (equip) {
			done = "Equipped " + item.name() + " on " + target.className() + ".";
		}
		else if (there) {
			done = "Pulled " + item.name() + " from the postmaster.";
		}
		else {
			done = "Moved " + item.name() + " to " + destinationName + ".";
		}
		return new Plan(item, destination, List.copyOf(hops), done);
	}

	/** Plans pulling a postmaster item into its character's inventory. */
	Plan pull(Guardian guardian, String itemKey) {
		Item item = find(guardian, inventories.board(guardian), itemKey);
		if (!item.postmaster()) {
			throw new MoveFailedException(Reason.NOT_ALLOWED, item.name() + " is not at the postmaster.");
		}
		return plan(guardian, itemKey, item.owner(), false);
	}

	/**
	 * Runs the plan's hops in order.
	 * @throws MoveFailedException when Bungie refuses a hop; its message says where the item is now
	 */
	public Outcome run(Guardian guardian, Plan plan, Progress progress) {
		List<Hop> hops = plan.hops();
		try {
			for (int i = 0; i < hops.size(); i++) {
				Hop hop = hops.get(i);
				progress.step(i + 1, hops.size(), hop.text());
				try {
					perform(guardian, hop);
				}
				catch (BungieException ex) {
					String where = movedSoFar(plan, i);
					String message = Refusals.message(ex, hop.item().name(), hop.to());
					if (where != null) {
						message += " " + plan.item().name() + " is " + where + " now.";
					}
					else if (i > 0) {
						message += " " + plan.item().name() + " has not moved.";
					}
					throw new MoveFailedException(reason(ex), message, where);
				}
			}
		}
		finally {
			if (!hops.isEmpty()) {
				inventories.forget(guardian);
			}
		}
		return new Outcome(plan.done(), hops.isEmpty() ? null : hops.get(hops.size() - 1).after());
	}

	/** Where the planned item is after the hops before {@code failed}, or null when none of them moved it. */
	private static String movedSoFar(Plan plan, int failed) {
		String where = null;
		for (int i = 0; i < failed; i++) {
			Hop hop = plan.hops().get(i);
			if (hop.item().key().equals(plan.item().key())) {
				where = hop.after();
			}
		}
		return where;
	}

	private void perform(Guardian guardian, Hop hop) {
		Item item = hop.item();
		String itemId = item.instanceId() == null ? "0" : item.instanceId();
		int type = guardian.membershipType();
		switch (hop.kind()) {
			case PULL -> api.pullFromPostmaster(guardian,
					new PostmasterTransferRequest(item.hash(), item.quantity(), itemId, hop.characterId(), type));
			case EQUIP -> api.equip(guardian, new ItemActionRequest(itemId, hop.characterId(), type));
			case TO_VAULT -> api.transfer(guardian,
					new TransferItemRequest(item.hash(), item.quantity(), true, itemId, hop.characterId(), type));
			case FROM_VAULT -> api.transfer(guardian,
					new TransferItemRequest(item.hash(), item.quantity(), false, itemId, hop.characterId(), type));
		}
	}

	/** The board may be up to 30 s old: an unknown key gets one fresh look before it is refused. */
	private Item find(Guardian guardian, Board board, String itemKey) {
		if (itemKey == null || itemKey.isBlank() || itemKey.length() > 80) {
			throw new MoveFailedException(Reason.UNCLEAR, "Which item? The request names none.");
		}
		Optional<Item> item = board.item(itemKey);
		if (item.isEmpty()) {
			inventories.forget(guardian);
			item = inventories.board(guardian).item(itemKey);
		}
		return item.orElseThrow(() -> new MoveFailedException(Reason.GONE,
				"That item is no longer on the board (moved or dismantled in the game?). Reload to see where things are."));
	}

	/**
	 * Something else the character carries for the same slot, not exotic (so it can always be equipped), among those
	 * {@code available} allows.
	 */
	public static Optional<Item> replacement(CharacterView character, Item leaving, Predicate<Item> available) {
		return character.slots()
			.stream()
			.filter(s -> s.hash() == leaving.bucketHash())
			.flatMap(s -> s.carried().stream())
			.filter(i -> !i.classified() && !i.exotic() && equippableBy(i, character) && available.test(i))
			.max(Comparator.comparingInt(Item::power));
	}

	public static boolean equippableBy(Item item, CharacterView character) {
		return item.equippable() && !item.stackable()
				&& (item.classType() == 3 || item.classType() == character.classType());
	}

	private static String name(Board board, String owner) {
		if (Item.VAULT.equals(owner)) {
			return "the vault";
		}
		return board.character(owner).map(CharacterView::className).orElse("your account");
	}

	private static Reason reason(BungieException ex) {
		return switch (ex.kind()) {
			case REFUSED -> Reason.NOT_ALLOWED;
			case UNAUTHORIZED -> Reason.LOGIN_EXPIRED;
			case THROTTLED -> Reason.SLOW_DOWN;
			case MAINTENANCE, UNAVAILABLE -> Reason.BUNGIE_DOWN;
		};
	}

}
