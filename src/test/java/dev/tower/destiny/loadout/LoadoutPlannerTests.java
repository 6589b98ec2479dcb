package dev.tower.destiny.loadout;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import dev.tower.destiny.bungie.Buckets;
import dev.tower.destiny.inventory.Item;
import dev.tower.destiny.inventory.ItemMoves.Hop;
import dev.tower.destiny.inventory.TestBoard;

import static dev.tower.destiny.inventory.TestBoard.HUNTER;
import static dev.tower.destiny.inventory.TestBoard.TITAN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoadoutPlannerTests {

	final TestBoard board = new TestBoard();

	@Test
	void anItemInTheVaultComesToTheCharacterAndIsEquipped() {
		Item rifle = board.add("101", "Rifle", Buckets.KINETIC, "vault", false);

		LoadoutPlan plan = plan(loadout(3, rifle), HUNTER);

		assertThat(hops(plan)).containsExactly("FROM_VAULT Rifle → Hunter", "EQUIP Rifle → Hunter");
		assertThat(plan.steps()).singleElement().satisfies(step -> {
			assertThat(step.makesRoom()).isFalse();
			assertThat(step.plan().done()).isEqualTo("Equipped Rifle on Hunter.");
		});
		assertThat(plan.hops()).isEqualTo(2);
	}

	@Test
	void anItemWornByAnotherCharacterIsReplacedThereAndTravelsThroughTheVault() {
		Item rifle = board.add("101", "Rifle", Buckets.KINETIC, TITAN, true);
		board.add("102", "Spare", Buckets.KINETIC, TITAN, false);

		LoadoutPlan plan = plan(loadout(3, rifle), HUNTER);

		assertThat(hops(plan)).containsExactly("EQUIP Spare → " + TITAN, "TO_VAULT Rifle → " + TITAN,
				"FROM_VAULT Rifle → Hunter", "EQUIP Rifle → Hunter");
	}

	@Test
	void anItemWornElsewhereWithNothingToTakeItsPlaceIsRefusedBeforeAnythingMoves() {
		Item rifle = board.add("101", "Rifle", Buckets.KINETIC, TITAN, true);
		board.add("102", "Exotic spare", Buckets.KINETIC, TITAN, false, 3, true, 1800);

		assertThatThrownBy(() -> plan(loadout(3, rifle), HUNTER)).isInstanceOf(LoadoutException.class)
			.hasMessage("Nothing was moved: Rifle is equipped on Titan and nothing else it carries can take its place: "
					+ "carry another one there first.");
	}

	@Test
	void whatTheCharacterAlreadyWearsNeedsNoMoveAndWhatItCarriesIsOnlyEquipped() {
		Item worn = board.add("101", "Rifle", Buckets.KINETIC, HUNTER, true);
		Item carried = board.add("102", "Helmet", Buckets.HELMET, HUNTER, false, 1, false, 1800);

		LoadoutPlan plan = plan(loadout(1, worn, carried), HUNTER);

		assertThat(plan.steps()).hasSize(2);
		assertThat(plan.steps().get(0).plan().hops()).isEmpty();
		assertThat(plan.steps().get(0).plan().done()).isEqualTo("Rifle is already equipped on Hunter.");
		assertThat(hops(plan)).containsExactly("EQUIP Helmet → Hunter");
	}

	@Test
	void aMissingItemIsLeftOutAndTheRestIsPlanned() {
		Item rifle = board.add("101", "Rifle", Buckets.KINETIC, "vault", false);
		Loadout loadout = new Loadout(1, "PvP", 3, List.of(saved(rifle),
				new Loadout.LoadoutItem("999", 42, Buckets.ENERGY, "Dismantled Pulse")), Instant.EPOCH);

		LoadoutPlan plan = plan(loadout, HUNTER);

		assertThat(plan.left()).containsExactly(new LoadoutPlan.Left("Dismantled Pulse", "no longer in your inventory"));
		assertThat(hops(plan)).containsExactly("FROM_VAULT Rifle → Hunter", "EQUIP Rifle → Hunter");
	}

	@Test
	void anotherClasssLoadoutOrItemIsRefused() {
		Item hunterHelmet = board.add("101", "Hunter Mask", Buckets.HELMET, "vault", false, 1, false, 1800);

		assertThatThrownBy(() -> plan(loadout(1, hunterHelmet), TITAN)).isInstanceOf(LoadoutException.class)
			.satisfies(ex -> assertThat(((LoadoutException) ex).status()).isEqualTo(HttpStatus.CONFLICT))
			.hasMessage("Nothing was moved: “PvP” is a Hunter loadout: Titan cannot wear its armour.");
		assertThatThrownBy(() -> plan(loadout(3, hunterHelmet), TITAN))
			.hasMessage("Nothing was moved: Hunter Mask is for Hunters: Titan cannot equip it.");
		assertThatThrownBy(() -> plan(loadout(3, hunterHelmet), "0")).isInstanceOf(LoadoutException.class)
			.satisfies(ex -> assertThat(((LoadoutException) ex).status()).isEqualTo(HttpStatus.NOT_FOUND));
	}

	@Test
	void aFullSlotSendsTheWeakestItemNotInTheLoadoutToTheVaultFirst() {
		Item rifle = board.add("101", "Rifle", Buckets.KINETIC, "vault", false);
		for (int i = 0; i < 9; i++) {
			board.add("20" + i, "Carried " + i, Buckets.KINETIC, HUNTER, false, 3, false, 1700 + i);
		}

		LoadoutPlan plan = plan(loadout(3, rifle), HUNTER);

		assertThat(plan.steps()).hasSize(2);
		assertThat(plan.steps().get(0).makesRoom()).isTrue();
		assertThat(plan.steps().get(0).plan().done()).isEqualTo("Moved Carried 0 to the vault to make room.");
		assertThat(hops(plan)).containsExactly("TO_VAULT Carried 0 → " + HUNTER, "FROM_VAULT Rifle → Hunter",
				"EQUIP Rifle → Hunter");
	}

	@Test
	void aFullVaultRefusesAnItemThatMustPassThroughIt() {
		Item rifle = board.add("101", "Rifle", Buckets.KINETIC, TITAN, false);
		board.vault(700, 700);

		assertThatThrownBy(() -> plan(loadout(3, rifle), HUNTER)).isInstanceOf(LoadoutException.class)
			.hasMessage("Nothing was moved: The vault is full (700 of 700), and Rifle has to pass through it: "
					+ "make space there first.");
	}

	@Test
	void exoticsAreEquippedLastSoTheOthersHaveReplacedAnExoticWornElsewhere() {
		Item exotic = board.add("101", "Exotic Energy", Buckets.ENERGY, "vault", false, 3, true, 1800);
		Item kinetic = board.add("102", "Kinetic", Buckets.KINETIC, "vault", false);

		LoadoutPlan plan = plan(loadout(3, exotic, kinetic), HUNTER);

		assertThat(plan.steps()).extracting(LoadoutPlan.Step::name).containsExactly("Kinetic", "Exotic Energy");
	}

	private LoadoutPlan plan(Loadout loadout, String character) {
		return LoadoutPlanner.plan(board.board(), loadout, character, bucket -> 9);
	}

	private static Loadout loadout(int classType, Item... items) {
		return new Loadout(1, "PvP", classType, List.of(items).stream().map(LoadoutPlannerTests::saved).toList(),
				Instant.EPOCH);
	}

	private static Loadout.LoadoutItem saved(Item item) {
		return new Loadout.LoadoutItem(item.instanceId(), item.hash(), item.bucketHash(), item.name());
	}

	/** Each hop as "KIND item → character (class name when it goes there, id when it leaves)". */
	private static List<String> hops(LoadoutPlan plan) {
		return plan.steps()
			.stream()
			.flatMap(s -> s.plan().hops().stream())
			.map(LoadoutPlannerTests::describe)
			.toList();
	}

	private static String describe(Hop hop) {
		String where = switch (hop.kind()) {
			case FROM_VAULT -> hop.to();
			case EQUIP -> hop.to().equals("Hunter") ? "Hunter" : hop.characterId();
			default -> hop.characterId();
		};
		return hop.kind() + " " + hop.item().name() + " → " + where;
	}

}
