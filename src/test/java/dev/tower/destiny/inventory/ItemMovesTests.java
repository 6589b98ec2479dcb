package dev.tower.destiny.inventory;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tower.destiny.bungie.Buckets;
import dev.tower.destiny.bungie.BungieProperties;
import dev.tower.destiny.inventory.DestinyApi.ItemActionRequest;
import dev.tower.destiny.inventory.DestinyApi.PostmasterTransferRequest;
import dev.tower.destiny.inventory.DestinyApi.TransferItemRequest;
import dev.tower.destiny.inventory.ItemMoves.Hop.Kind;
import dev.tower.destiny.inventory.MoveFailedException.Reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Moving items the way the game allows, one Bungie action at a time, and what the player is told. */
class ItemMovesTests {

	static final String TITAN = "2305843009301234561";

	static final String HUNTER = "2305843009301234562";

	static final String WARLOCK = "2305843009301234563";

	final BundledDefinitions definitions = new BundledDefinitions();

	final ScriptedApi api = new ScriptedApi(definitions);

	final Inventories inventories = new Inventories(api, definitions,
			new BungieProperties(null, null, null, null, null, null));

	final ItemMoves moves = new ItemMoves(api, inventories);

	final Guardian guardian = new Guardian("demo:moves", 3, Guardians.DEMO_MEMBERSHIP_ID, "Demo", null, true);

	final List<String> steps = new ArrayList<>();

	@Test
	void characterToCharacterGoesThroughTheVaultInTwoHops() {
		Item rifle = carried(TITAN, Buckets.ENERGY);

		ItemMoves.Outcome outcome = run(moves.plan(guardian, rifle.key(), HUNTER, false));

		assertThat(steps).containsExactly("1/2 Moving " + rifle.name() + " to the vault",
				"2/2 Moving " + rifle.name() + " to Hunter");
		assertThat(api.actions).containsExactly(
				new TransferItemRequest(rifle.hash(), 1, true, rifle.instanceId(), TITAN, 3),
				new TransferItemRequest(rifle.hash(), 1, false, rifle.instanceId(), HUNTER, 3));
		assertThat(outcome.message()).isEqualTo("Moved " + rifle.name() + " to Hunter.");
		assertThat(board().item(rifle.key())).get().extracting(Item::owner).isEqualTo(HUNTER);
	}

	@Test
	void whenTheSecondHopFailsThePlayerIsToldTheItemIsInTheVault() {
		Item rifle = carried(TITAN, Buckets.ENERGY);
		api.refuse(2, 1642, "DestinyNoRoomInDestination");

		assertThatThrownBy(() -> run(moves.plan(guardian, rifle.key(), HUNTER, false)))
			.isInstanceOfSatisfying(MoveFailedException.class, ex -> {
				assertThat(ex.reason()).isEqualTo(Reason.NOT_ALLOWED);
				assertThat(ex.where()).isEqualTo("in the vault");
				assertThat(ex.getMessage()).isEqualTo("There is no room for " + rifle.name()
						+ " in Hunter: make space there first. " + rifle.name() + " is in the vault now.");
			});
		// the board is fetched afresh and shows it there
		assertThat(board().item(rifle.key())).get().extracting(Item::owner).isEqualTo(Item.VAULT);
	}

	@Test
	void aFailedFirstHopLeavesTheItemWhereItWas() {
		Item rifle = carried(TITAN, Buckets.ENERGY);
		api.refuse(1, 1642, "DestinyNoRoomInDestination");

		assertThatThrownBy(() -> run(moves.plan(guardian, rifle.key(), Item.VAULT, false)))
			.isInstanceOfSatisfying(MoveFailedException.class, ex -> {
				assertThat(ex.where()).isNull();
				assertThat(ex.getMessage()).isEqualTo("There is no room for " + rifle.name()
						+ " in the vault: make space there first.");
			});
		assertThat(board().item(rifle.key())).get().extracting(Item::owner).isEqualTo(TITAN);
	}

	@Test
	void anEquippedItemLeavesOnlyAfterSomethingElseIsEquippedInItsPlace() {
		Slot kinetic = slot(TITAN, Buckets.KINETIC);
		Item worn = kinetic.equipped();

		ItemMoves.Plan plan = moves.plan(guardian, worn.key(), Item.VAULT, false);
		run(plan);

		assertThat(plan.hops()).extracting(ItemMoves.Hop::kind).containsExactly(Kind.EQUIP, Kind.TO_VAULT);
		Item replacement = plan.hops().get(0).item();
		assertThat(replacement.exotic()).isFalse();
		assertThat(replacement.power()).isEqualTo(kinetic.carried().stream().filter(i -> !i.exotic())
			.mapToInt(Item::power).max().orElseThrow());
		assertThat(slot(TITAN, Buckets.KINETIC).equipped().key()).isEqualTo(replacement.key());
		assertThat(board().item(worn.key())).get().extracting(Item::owner).isEqualTo(Item.VAULT);
	}

	@Test
	void equippingAnItemFromTheVaultMovesItFirst() {
		Item rifle = vault(Buckets.ENERGY, false);

		ItemMoves.Plan plan = moves.plan(guardian, rifle.key(), WARLOCK, true);
		ItemMoves.Outcome outcome = run(plan);

		assertThat(plan.hops()).extracting(ItemMoves.Hop::kind).containsExactly(Kind.FROM_VAULT, Kind.EQUIP);
		assertThat(api.actions.get(1)).isEqualTo(new ItemActionRequest(rifle.instanceId(), WARLOCK, 3));
		assertThat(outcome.message()).isEqualTo("Equipped " + rifle.name() + " on Warlock.");
		assertThat(slot(WARLOCK, Buckets.ENERGY).equipped().key()).isEqualTo(rifle.key());
	}

	@Test
	void aSecondExoticWeaponIsRefusedInPlainWordsAndTheItemStaysWhereItGot() {
		// The Titan wears an exotic energy weapon; The Last Lantern is an exotic kinetic one.
		assertThat(slot(TITAN, Buckets.ENERGY).equipped().exotic()).isTrue();
		Item lantern = InventoryDecoderTests.all(board())
			.filter(i -> i.name().equals("The Last Lantern") && i.inVault())
			.findFirst()
			.orElseThrow();

		assertThatThrownBy(() -> run(moves.plan(guardian, lantern.key(), TITAN, true)))
			.isInstanceOfSatisfying(MoveFailedException.class, ex -> assertThat(ex.getMessage())
				.startsWith("The Last Lantern cannot be equipped alongside the other exotic")
				.endsWith("The Last Lantern is on Titan now."));
		assertThat(board().item(lantern.key())).get().satisfies(item -> {
			assertThat(item.owner()).isEqualTo(TITAN);
			assertThat(item.equipped()).isFalse();
		});
	}

	@Test
	void postmasterItemsArePulledAndTheNonTransferableOnesStayWithTheirCharacter() {
		List<Item> postmaster = board().character(HUNTER).orElseThrow().postmaster();
		Item weapon = postmaster.stream().filter(i -> Buckets.weapon(i.bucketHash())).findFirst().orElseThrow();
		Item orders = postmaster.stream().filter(i -> !i.transferable()).findFirst().orElseThrow();

		ItemMoves.Outcome outcome = run(moves.pull(guardian, weapon.key()));

		assertThat(outcome.message()).isEqualTo("Pulled " + weapon.name() + " from the postmaster.");
		assertThat(api.actions).containsExactly(
				new PostmasterTransferRequest(weapon.hash(), 1, weapon.instanceId(), HUNTER, 3));
		assertThat(board().item(weapon.key())).get().satisfies(item -> {
			assertThat(item.postmaster()).isFalse();
			assertThat(item.owner()).isEqualTo(HUNTER);
		});

		assertThatThrownBy(() -> moves.plan(guardian, orders.key(), Item.VAULT, false))
			.isInstanceOfSatisfying(MoveFailedException.class, ex -> {
				assertThat(ex.reason()).isEqualTo(Reason.NOT_ALLOWED);
				assertThat(ex.getMessage()).isEqualTo(
						"Sealed Vanguard Orders cannot be transferred: it stays with Hunter (pull it from the postmaster there).");
			});
		assertThat(api.actions).hasSize(1);
	}

	@Test
	void impossibleMovesAreRefusedBeforeBungieIsAsked() {
		Item classified = InventoryDecoderTests.all(board()).filter(Item::classified).findFirst().orElseThrow();
		Item titanHelmet = vault(Buckets.HELMET, false, 0);
		Item rifle = vault(Buckets.ENERGY, false);

		assertRefused(() -> moves.plan(guardian, classified.key(), TITAN, false), Reason.NOT_ALLOWED,
				"Classified items cannot be moved");
		assertRefused(() -> moves.plan(guardian, "6917529999999999999", TITAN, false), Reason.GONE,
				"no longer on the board");
		assertRefused(() -> moves.plan(guardian, rifle.key(), "1234", false), Reason.UNCLEAR, "no such character");
		assertRefused(() -> moves.plan(guardian, rifle.key(), Item.VAULT, true), Reason.UNCLEAR, "not in the vault");
		assertRefused(() -> moves.plan(guardian, titanHelmet.key(), HUNTER, true), Reason.NOT_ALLOWED,
				titanHelmet.name() + " is for Titans: Hunter cannot equip it.");
		assertRefused(() -> moves.plan(guardian, null, TITAN, false), Reason.UNCLEAR, "names none");
		assertRefused(() -> moves.plan(guardian, rifle.key(), " ", false), Reason.UNCLEAR, "names no destination");
		assertThat(api.actions).isEmpty();
		assertThat(moves.plan(guardian, rifle.key(), Item.VAULT, false).hops()).isEmpty();
	}

	@Test
	void aTileOffersTheMovesThePlanAccepts() {
		Board board = board();
		Item classified = InventoryDecoderTests.all(board).filter(Item::classified).findFirst().orElseThrow();
		Item rifle = vault(Buckets.ENERGY, false);
		Item titanHelmet = vault(Buckets.HELMET, false, 0);
		Item worn = slot(TITAN, Buckets.KINETIC).equipped();
		Item orders = board.character(HUNTER).orElseThrow().postmaster().stream().filter(i -> !i.transferable())
			.findFirst().orElseThrow();

		assertThat(ItemMoves.allowed(board, classified)).isEqualTo(ItemMoves.Allowed.NONE);
		assertThat(ItemMoves.allowed(board, rifle))
			.isEqualTo(new ItemMoves.Allowed(false, List.of(TITAN, HUNTER, WARLOCK), List.of(TITAN, HUNTER, WARLOCK)));
		assertThat(ItemMoves.allowed(board, titanHelmet))
			.isEqualTo(new ItemMoves.Allowed(false, List.of(TITAN, HUNTER, WARLOCK), List.of(TITAN)));
		assertThat(ItemMoves.allowed(board, worn).to()).containsExactly(HUNTER, WARLOCK, Item.VAULT);
		assertThat(ItemMoves.allowed(board, worn).equipOn()).doesNotContain(TITAN);
		assertThat(ItemMoves.allowed(board, orders)).isEqualTo(new ItemMoves.Allowed(true, List.of(), List.of()));

		// every move a tile offers is planned; only the wait for a replacement is told when it is tried
		InventoryDecoderTests.all(board).forEach(item -> {
			ItemMoves.Allowed allowed = ItemMoves.allowed(board, item);
			allowed.to().forEach(to -> assertPlanned(() -> moves.plan(guardian, item.key(), to, false), item));
			allowed.equipOn().forEach(on -> assertPlanned(() -> moves.plan(guardian, item.key(), on, true), item));
			if (allowed.pull()) {
				assertPlanned(() -> moves.pull(guardian, item.key()), item);
			}
		});
		assertThat(api.actions).isEmpty();
	}

	private static void assertPlanned(java.util.function.Supplier<ItemMoves.Plan> plan, Item item) {
		try {
			assertThat(plan.get().hops()).isNotEmpty();
		}
		catch (MoveFailedException ex) {
			assertThat(item.equipped()).as(ex.getMessage()).isTrue();
			assertThat(ex.getMessage()).endsWith("nothing else it carries can take its place: carry another one first.");
		}
	}

	@Test
	void theBoardIsFetchedOnceAndAgainOnlyAfterAMove() {
		board();
		board();
		assertThat(api.profileFetches).isEqualTo(1);
		run(moves.plan(guardian, carried(TITAN, Buckets.ENERGY).key(), Item.VAULT, false));
		board();
		assertThat(api.profileFetches).isEqualTo(2);
	}

	private ItemMoves.Outcome run(ItemMoves.Plan plan) {
		return moves.run(guardian, plan, (n, of, text) -> steps.add(n + "/" + of + " " + text));
	}

	private Board board() {
		return inventories.board(guardian);
	}

	private Slot slot(String characterId, long bucket) {
		return board().character(characterId).orElseThrow().slots().stream().filter(s -> s.hash() == bucket)
			.findFirst().orElseThrow();
	}

	private Item carried(String characterId, long bucket) {
		return slot(characterId, bucket).carried().stream().filter(i -> !i.exotic()).findFirst().orElseThrow();
	}

	private Item vault(long bucket, boolean exotic) {
		return vault(bucket, exotic, 3);
	}

	private Item vault(long bucket, boolean exotic, int classType) {
		return board().vault().stream().filter(g -> g.hash() == bucket).flatMap(g -> g.items().stream())
			.filter(i -> i.exotic() == exotic && (classType == 3 || i.classType() == classType))
			.findFirst().orElseThrow();
	}

	private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Reason reason,
			String message) {
		assertThatThrownBy(call).isInstanceOfSatisfying(MoveFailedException.class, ex -> {
			assertThat(ex.reason()).isEqualTo(reason);
			assertThat(ex.getMessage()).containsIgnoringCase(message);
		});
	}

}
