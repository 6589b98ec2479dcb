package dev.tower.destiny.inventory;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.tower.destiny.bungie.BungieException;
import dev.tower.destiny.bungie.BungieException.Kind;

import static org.assertj.core.api.Assertions.assertThat;

/** Bungie's refusals and failures become sentences a player can act on. */
class RefusalsTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			1642 | DestinyNoRoomInDestination               | There is no room for Ace of Spades in Hunter: make space there first.
			1641 | DestinyItemUniqueEquipRestricted         | Ace of Spades cannot be equipped alongside the other exotic: only one exotic weapon and one exotic armour piece can be worn at a time.
			1671 | DestinyCannotPerformActionAtThisLocation | Destiny does not allow that for Ace of Spades where it is now
			1660 | DestinyItemNotTransferrable              | Ace of Spades cannot be transferred: it stays with the character that has it.
			1656 | DestinyCannotPerformActionOnEquippedItem | Ace of Spades is equipped: equip something else in its slot first.
			1623 | DestinyItemNotFound                      | Ace of Spades is no longer where the board showed it
			1655 | DestinyCanOnlyEquipInGame                | Destiny does not allow equipping Ace of Spades right now
			1663 | DestinyItemActionForbidden               | Ace of Spades cannot be equipped by Hunter.
			1699 | DestinySomethingNew                      | Bungie.net refused to move Ace of Spades: Bungie's own words
			""")
	void refusalsSayWhatHappenedAndWhatToDo(int code, String status, String message) {
		BungieException refusal = new BungieException(Kind.REFUSED, code, status, "Bungie's own words", null, null);
		assertThat(Refusals.message(refusal, "Ace of Spades", "Hunter")).startsWith(message);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			MAINTENANCE  | Bungie.net is down for maintenance: Ace of Spades was not moved.
			THROTTLED    | Bungie.net asks us to slow down: Ace of Spades was not moved.
			UNAUTHORIZED | Your Bungie.net login has expired: log in again, then retry.
			UNAVAILABLE  | Bungie.net did not answer: Ace of Spades was not moved.
			""")
	void failuresThatAreNotRefusalsSaySoToo(Kind kind, String message) {
		BungieException failure = new BungieException(kind, 0, null, "internal detail", Duration.ofSeconds(3), null);
		assertThat(Refusals.message(failure, "Ace of Spades", "Hunter")).startsWith(message).doesNotContain("internal detail");
	}

}
