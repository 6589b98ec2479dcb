package dev.tower.destiny.inventory;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;

import dev.tower.destiny.bungie.BungieException;
import dev.tower.destiny.bungie.BungieProperties;
import dev.tower.destiny.bungie.Envelope;
import dev.tower.destiny.demo.PlatformError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Xûr from the character vendor endpoint: his wares when he is here, when he comes when he is not. */
class XurTests {

	final BundledDefinitions definitions = new BundledDefinitions();

	final ScriptedApi api = new ScriptedApi(definitions);

	final Inventories inventories = new Inventories(api, definitions,
			new BungieProperties(null, null, null, null, null, null));

	final Guardian guardian = new Guardian("demo:xur", 3, Guardians.DEMO_MEMBERSHIP_ID, "Demo", null, true);

	// a Wednesday: he left yesterday, comes back on Friday
	final Clock wednesday = Clock.fixed(Instant.parse("2026-11-25T09:00:00Z"), ZoneOffset.UTC);

	@Test
	void whenHeIsHereHisItemsAreDecodedWithTheirCosts() {
		XurVisit visit = new Xur(api, inventories, definitions, wednesday).visit(guardian, inventories.board(guardian));

		assertThat(visit.present()).isTrue();
		assertThat(visit.name()).isEqualTo("Xûr");
		assertThat(visit.subtitle()).isEqualTo("Agent of the Nine");
		assertThat(visit.sales()).hasSize(5);
		assertThat(visit.sales().get(0).item().exotic()).isTrue();
		assertThat(visit.sales()).allSatisfy(sale -> {
			assertThat(sale.item().classified()).isFalse();
			assertThat(sale.costs()).singleElement().satisfies(cost -> {
				assertThat(cost.name()).isIn("Legendary Shards", "Strange Coin");
				assertThat(cost.quantity()).isPositive();
			});
		});
		assertThat(visit.leaves()).isEqualTo(Instant.parse("2026-12-01T17:00:00Z"));
		// vendorLocationIndex 2 of the demo's Xûr: the third of his definition's locations
		assertThat(visit.location()).isEqualTo(new XurVisit.Location("The Tower", "The Last City"));
		assertThat(visit.location().label()).isEqualTo("The Tower, The Last City");
	}

	/** -1 is Bungie's "no known location"; privacy can leave it out; an older manifest may lack the location. */
	@ParameterizedTest
	@ValueSource(strings = { "-1", "missing", "3", "null" })
	void whenWhereHeIsIsNotKnownNothingIsSaidAboutIt(String index) {
		DestinyApi unplaced = new DelegatingApi(api) {
			@Override
			public tools.jackson.databind.JsonNode vendor(Guardian guardian, String characterId, long vendorHash) {
				tools.jackson.databind.JsonNode answer = super.vendor(guardian, characterId, vendorHash).deepCopy();
				ObjectNode component = (ObjectNode) answer.path("vendor").path("data");
				switch (index) {
					case "missing" -> component.remove("vendorLocationIndex");
					case "null" -> component.putNull("vendorLocationIndex");
					default -> component.put("vendorLocationIndex", Integer.parseInt(index));
				}
				return answer;
			}
		};
		XurVisit visit = new Xur(unplaced, inventories, definitions, wednesday).visit(guardian, inventories.board(guardian));

		assertThat(visit.present()).isTrue();
		assertThat(visit.sales()).hasSize(5);
		assertThat(visit.location()).isNull();
	}

	@Test
	void aPlaceThatAddsNothingIsNotRepeated() {
		assertThat(new XurVisit.Location("Nessus", "Nessus").label()).isEqualTo("Nessus");
		assertThat(new XurVisit.Location("The Tower", null).label()).isEqualTo("The Tower");
		assertThat(new XurVisit.Location("Arcadian Valley", "Nessus").label()).isEqualTo("Arcadian Valley, Nessus");
	}

	@Test
	void whenBungieSaysTheVendorIsNotFoundHeIsNotHereAndTheNextFridayIsGiven() {
		DestinyApi away = new DelegatingApi(api) {
			@Override
			public tools.jackson.databind.JsonNode vendor(Guardian guardian, String characterId, long vendorHash) {
				return Envelope.open(PlatformError.VENDOR_NOT_FOUND.envelope());
			}
		};
		XurVisit visit = new Xur(away, inventories, definitions, wednesday).visit(guardian, inventories.board(guardian));

		assertThat(visit.present()).isFalse();
		assertThat(visit.sales()).isEmpty();
		assertThat(visit.arrives()).isEqualTo(Instant.parse("2026-11-27T17:00:00Z"));
	}

	@Test
	void otherFailuresAreNotMistakenForHisAbsence() {
		DestinyApi down = new DelegatingApi(api) {
			@Override
			public tools.jackson.databind.JsonNode vendor(Guardian guardian, String characterId, long vendorHash) {
				throw new BungieException(BungieException.Kind.MAINTENANCE, 5, "SystemDisabled", "down", null, null);
			}
		};
		assertThatThrownBy(() -> new Xur(down, inventories, definitions, wednesday).visit(guardian,
				inventories.board(guardian)))
			.isInstanceOf(BungieException.class);
	}

	@Test
	void heArrivesWithTheFridayReset() {
		assertThat(Xur.nextArrival(Instant.parse("2026-11-27T16:59:59Z"))).isEqualTo(Instant.parse("2026-11-27T17:00:00Z"));
		assertThat(Xur.nextArrival(Instant.parse("2026-11-27T17:00:00Z"))).isEqualTo(Instant.parse("2026-12-04T17:00:00Z"));
		assertThat(Xur.nextArrival(Instant.parse("2026-11-30T12:00:00Z"))).isEqualTo(Instant.parse("2026-12-04T17:00:00Z"));
	}

	/** Passes everything on; tests override what they change. */
	static class DelegatingApi implements DestinyApi {

		private final DestinyApi api;

		DelegatingApi(DestinyApi api) {
			this.api = api;
		}

		@Override
		public tools.jackson.databind.JsonNode profile(Guardian guardian) {
			return api.profile(guardian);
		}

		@Override
		public tools.jackson.databind.JsonNode item(Guardian guardian, String itemInstanceId) {
			return api.item(guardian, itemInstanceId);
		}

		@Override
		public tools.jackson.databind.JsonNode vendor(Guardian guardian, String characterId, long vendorHash) {
			return api.vendor(guardian, characterId, vendorHash);
		}

		@Override
		public void transfer(Guardian guardian, TransferItemRequest request) {
			api.transfer(guardian, request);
		}

		@Override
		public void equip(Guardian guardian, ItemActionRequest request) {
			api.equip(guardian, request);
		}

		@Override
		public void pullFromPostmaster(Guardian guardian, PostmasterTransferRequest request) {
			api.pullFromPostmaster(guardian, request);
		}

	}

}
