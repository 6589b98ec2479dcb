package dev.tower.destiny.bungie;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.tower.destiny.BungieStub;
import dev.tower.destiny.bungie.BungieException.Kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bungie says "slow down" with an error code and {@code ThrottleSeconds}: Tower waits what it asks (within a cap)
 * and tries again, a few times, then tells the player when to come back. The client's waits are recorded here
 * instead of slept.
 */
class BungieThrottlingTests {

	private static final String MANIFEST = "/Platform/Destiny2/Manifest/";

	private static final String TRANSFER = "/Platform/Destiny2/Actions/Items/TransferItem/";

	private final BungieStub bungie = new BungieStub();

	private final List<Duration> waits = new CopyOnWriteArrayList<>();

	private final BungieClient client = new BungieClient(new BungieProperties(bungie.baseUrl(), "key", "id", "secret",
			null, Duration.ofSeconds(5), 1000.0, Duration.ZERO, 3, Duration.ofSeconds(5)), JsonMapper.builder().build(),
			waits::add);

	@AfterEach
	void stop() {
		bungie.close();
	}

	@Test
	void aThrottledCallIsTriedAgainAfterTheSecondsBungieAsksFor() {
		AtomicInteger calls = new AtomicInteger();
		bungie.on("GET", MANIFEST, request -> calls.incrementAndGet() <= 2 ? BungieStub.throttled(2)
				: BungieStub.success(Map.of("version", "v9")));

		assertThat(client.get("/Destiny2/Manifest/", null).path("version").asString()).isEqualTo("v9");

		assertThat(bungie.requests("GET", MANIFEST)).hasSize(3);
		assertThat(waits).hasSize(2).allSatisfy(wait -> assertThat(wait).isBetween(Duration.ofMillis(1900), Duration.ofSeconds(2)));
	}

	@Test
	void withoutThrottleSecondsTheWaitDoublesAndNeverPassesTheCap() {
		BungieClient patient = new BungieClient(new BungieProperties(bungie.baseUrl(), "key", "id", "secret", null,
				Duration.ofSeconds(5), 1000.0, Duration.ZERO, 5, Duration.ofMillis(2500)), JsonMapper.builder().build(),
				waits::add);
		bungie.on("GET", MANIFEST, request -> BungieStub.throttled(0));

		assertThatThrownBy(() -> patient.get("/Destiny2/Manifest/", null)).isInstanceOf(BungieException.class);

		assertThat(bungie.requests("GET", MANIFEST)).hasSize(5);
		assertThat(waits).hasSize(4);
		assertThat(waits.get(0)).isBetween(Duration.ofMillis(900), Duration.ofSeconds(1));
		assertThat(waits.get(1)).isBetween(Duration.ofMillis(1900), Duration.ofSeconds(2));
		assertThat(waits.subList(2, 4)).allSatisfy(wait -> assertThat(wait).isBetween(Duration.ofMillis(2400), Duration.ofMillis(2500)));
	}

	@Test
	void throttledEveryTimeIsThrottledWithWhenToComeBack() {
		bungie.on("GET", MANIFEST, request -> BungieStub.throttled(1));

		assertThatThrownBy(() -> client.get("/Destiny2/Manifest/", null))
			.isInstanceOfSatisfying(BungieException.class, ex -> {
				assertThat(ex.kind()).isEqualTo(Kind.THROTTLED);
				assertThat(ex.errorStatus()).isEqualTo("PerEndpointRequestThrottleExceeded");
				assertThat(ex.retryAfter()).isPositive();
			});
		assertThat(bungie.requests("GET", MANIFEST)).hasSize(3);
	}

	@Test
	void askedToWaitLongerThanTheCapTowerGivesUpAtOnceAndHoldsEveryCallBack() {
		bungie.on("GET", MANIFEST, request -> BungieStub.throttled(60));

		assertThatThrownBy(() -> client.get("/Destiny2/Manifest/", null))
			.isInstanceOfSatisfying(BungieException.class, ex -> {
				assertThat(ex.kind()).isEqualTo(Kind.THROTTLED);
				assertThat(ex.retryAfter()).isEqualTo(Duration.ofSeconds(60));
			});
		assertThat(bungie.requests("GET", MANIFEST)).hasSize(1);
		assertThat(waits).isEmpty();

		// The whole IP is over Bungie's rate: the next call does not even go out.
		bungie.platform("GET", "/Destiny2/Manifest/", Map.of("version", "v1"));
		assertThatThrownBy(() -> client.get("/Destiny2/Manifest/", null))
			.isInstanceOfSatisfying(BungieException.class, ex -> {
				assertThat(ex.kind()).isEqualTo(Kind.THROTTLED);
				assertThat(ex.retryAfter()).isGreaterThan(Duration.ofSeconds(50));
			});
		assertThat(bungie.requests("GET", MANIFEST)).hasSize(1);
	}

	@Test
	void anHttp429WithRetryAfterIsAThrottleToo() {
		AtomicInteger calls = new AtomicInteger();
		bungie.on("GET", MANIFEST, request -> calls.incrementAndGet() == 1
				? new BungieStub.Answer(429, "text/plain", "slow down".getBytes(), Map.of("Retry-After", "3"))
				: BungieStub.success(Map.of("version", "v2")));

		assertThat(client.get("/Destiny2/Manifest/", null).path("version").asString()).isEqualTo("v2");
		assertThat(waits).singleElement().satisfies(wait -> assertThat(wait).isBetween(Duration.ofMillis(2900), Duration.ofSeconds(3)));
	}

	@Test
	void anActionThrottledByTheGameServerIsTriedAgainForThatPlayerAlone() {
		AtomicInteger calls = new AtomicInteger();
		bungie.on("POST", TRANSFER, request -> calls.incrementAndGet() == 1 ? BungieStub.throttledByGameServer()
				: BungieStub.success(0));

		client.action("/Destiny2/Actions/Items/TransferItem/", Map.of("itemId", "1"), "token", "4611686018467260757");

		assertThat(bungie.requests("POST", TRANSFER)).hasSize(2)
			.allSatisfy(request -> assertThat(request.body()).isEqualTo("{\"itemId\":\"1\"}"));
		assertThat(waits).containsExactly(Duration.ofSeconds(1));
	}

	@Test
	void anActionThatFailedOnTheWayIsNotSentTwice() {
		bungie.on("POST", TRANSFER, request -> BungieStub.json(502, Map.of("ErrorCode", 0, "Message", "bad gateway")));

		assertThatThrownBy(() -> client.post("/Destiny2/Actions/Items/TransferItem/", Map.of("itemId", "1"), "token"))
			.isInstanceOfSatisfying(BungieException.class, ex -> assertThat(ex.kind()).isEqualTo(Kind.UNAVAILABLE));
		assertThat(bungie.requests("POST", TRANSFER)).hasSize(1);
	}

	@Test
	void aReadThatFailedOnTheWayIsTriedAgain() {
		AtomicInteger calls = new AtomicInteger();
		bungie.on("GET", MANIFEST, request -> calls.incrementAndGet() == 1
				? BungieStub.json(502, Map.of("ErrorCode", 0, "Message", "bad gateway"))
				: BungieStub.success(Map.of("version", "v3")));

		assertThat(client.get("/Destiny2/Manifest/", null).path("version").asString()).isEqualTo("v3");
		assertThat(bungie.requests("GET", MANIFEST)).hasSize(2);
	}

	@Test
	void aRefusalIsNeverTriedAgain() {
		bungie.on("POST", TRANSFER, request -> BungieStub.error(1642, "DestinyNoRoomInDestination", "No room."));

		assertThatThrownBy(() -> client.action("/Destiny2/Actions/Items/TransferItem/", Map.of(), "t", "1"))
			.isInstanceOfSatisfying(BungieException.class, ex -> assertThat(ex.kind()).isEqualTo(Kind.REFUSED));
		assertThat(bungie.requests("POST", TRANSFER)).hasSize(1);
		assertThat(waits).isEmpty();
	}

	@Test
	void errorCodesNamedLikeThrottlesButAboutSomethingElseAreNotThrottles() {
		// 52 AuthContextCacheAssertion and 53 ExPlatformStringValidationError sit between the throttle codes.
		assertThat(BungieClient.kindOf(52, 200, Duration.ZERO)).isEqualTo(Kind.REFUSED);
		assertThat(BungieClient.kindOf(53, 200, Duration.ZERO)).isEqualTo(Kind.REFUSED);
		assertThat(BungieClient.kindOf(1672, 200, Duration.ZERO)).isEqualTo(Kind.THROTTLED);
		assertThat(BungieClient.kindOf(36, 200, Duration.ZERO)).isEqualTo(Kind.THROTTLED);
	}

}
