package dev.tower.destiny.bungie;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** 64-bit ids stay exact digits; hashes are unsigned 32-bit whichever way Bungie wrote them. */
class BungieIdsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void hashesAreUnsignedWhetherWrittenSignedOrUnsigned() {
		assertThat(BungieIds.hash(json("2190858386"))).isEqualTo(2190858386L);
		assertThat(BungieIds.hash(json("-2104108910"))).isEqualTo(2190858386L);
		assertThat(BungieIds.hash(json("\"2190858386\""))).isEqualTo(2190858386L);
		assertThat(BungieIds.hash("-2104108910")).isEqualTo(2190858386L);
		assertThat(BungieIds.hash("4294967295")).isEqualTo(4294967295L);
		assertThat(BungieIds.hashText(-2104108910L)).isEqualTo("2190858386");
	}

	@Test
	void aMissingOrBrokenHashInBungiesJsonIsZeroSoTheItemShowsAsUnknown() {
		assertThat(BungieIds.hash(json("{}").path("itemHash"))).isZero();
		assertThat(BungieIds.hash(json("null"))).isZero();
		assertThat(BungieIds.hash(json("\"abc\""))).isZero();
		assertThat(BungieIds.hash(json("4294967296"))).isZero();
	}

	@Test
	void aHashTypedByAVisitorMustBeOne() {
		assertThatThrownBy(() -> BungieIds.hash("12; drop")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("a hash is a number");
		assertThatThrownBy(() -> BungieIds.hash("4294967296")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> BungieIds.hash("")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void sixtyFourBitIdsKeepEveryDigit() {
		// 6917529543063452432 is beyond a double's exact integers: a number read as double would come back changed.
		assertThat(BungieIds.id(json("{\"itemInstanceId\":\"6917529543063452432\"}").path("itemInstanceId")))
			.isEqualTo("6917529543063452432");
		assertThat(BungieIds.id(json("6917529543063452432"))).isEqualTo("6917529543063452432");
		assertThat(BungieIds.id(json("\"0\""))).as("Bungie's no-instance").isNull();
		assertThat(BungieIds.id(json("{}").path("itemInstanceId"))).isNull();
	}

	@Test
	void idsFromRequestsAreDigitsThatFitALong() {
		assertThat(BungieIds.isId("4611686018467260757")).isTrue();
		assertThat(BungieIds.isId("9223372036854775808")).isFalse();
		assertThat(BungieIds.isId("46116860184672607a")).isFalse();
		assertThat(BungieIds.isId("../Manifest")).isFalse();
		assertThat(BungieIds.requireId("2305843009301405697", "characterId")).isEqualTo("2305843009301405697");
		assertThatThrownBy(() -> BungieIds.requireId("x", "characterId")).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("characterId must be a Bungie id (digits), not 'x'");
	}

	@Test
	void endpointsFillTheirTemplateWithNumbersOnly() {
		assertThat(BungieEndpoints.VENDOR.path(3, "4611686018467260757", "2305843009301405697", BungieEndpoints.XUR))
			.isEqualTo("/Destiny2/3/Profile/4611686018467260757/Character/2305843009301405697/Vendors/2190858386/"
					+ "?components=400,402");
		assertThat(BungieEndpoints.TRANSFER_ITEM.path()).isEqualTo("/Destiny2/Actions/Items/TransferItem/");
		assertThatThrownBy(() -> BungieEndpoints.PROFILE.path(3, "123/../../User")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("destinyMembershipId must be a number");
		assertThatThrownBy(() -> BungieEndpoints.PROFILE.path(3)).isInstanceOf(IllegalArgumentException.class);
	}

	private static JsonNode json(String text) {
		return JSON.readTree(text);
	}

}
