package dev.tower.destiny.bungie;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.tower.destiny.BungieStub;

import static org.assertj.core.api.Assertions.assertThat;

/** The pace Bungie asks for, measured at the stub's end: per player for actions, per process for everything. */
class BungiePacingTests {

	private static final String TRANSFER = "/Platform/Destiny2/Actions/Items/TransferItem/";

	private static final String MANIFEST = "/Platform/Destiny2/Manifest/";

	private final BungieStub bungie = new BungieStub();

	private final ExecutorService threads = Executors.newFixedThreadPool(32);

	@AfterEach
	void stop() {
		threads.shutdownNow();
		bungie.close();
	}

	@Test
	void onePlayersActionsGoOneAtATimeSpacedFromTheEndOfTheLastOne() throws Exception {
		BungieClient client = client(1000.0, Duration.ofMillis(200));
		bungie.on("POST", TRANSFER, BungieStub.slow(50, request -> BungieStub.success(0)));

		List<Future<?>> moves = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			String item = "690000000000000" + i;
			moves.add(threads.submit(() -> client.action("/Destiny2/Actions/Items/TransferItem/",
					Map.of("itemId", item, "membershipType", 3), "token-a", "4611686018467260757")));
		}
		Thread.sleep(20);
		Future<?> otherPlayer = threads.submit(() -> client.action("/Destiny2/Actions/Items/TransferItem/",
				Map.of("itemId", "7"), "token-b", "4611686018400000001"));
		for (Future<?> move : moves) {
			move.get();
		}
		otherPlayer.get();

		List<BungieStub.Request> first = bungie.requests("POST", TRANSFER).stream()
			.filter(request -> "Bearer token-a".equals(request.header("Authorization")))
			.toList();
		assertThat(first).hasSize(5);
		for (int i = 1; i < first.size(); i++) {
			// Each started at least 200 ms after the previous one's answer, which took 50 ms.
			assertThat(Duration.ofNanos(first.get(i).receivedAt() - first.get(i - 1).receivedAt()))
				.isGreaterThanOrEqualTo(Duration.ofMillis(250));
		}
		BungieStub.Request second = bungie.requests("POST", TRANSFER).stream()
			.filter(request -> "Bearer token-b".equals(request.header("Authorization")))
			.findFirst()
			.orElseThrow();
		assertThat(second.receivedAt()).as("another player does not queue behind the first")
			.isLessThan(first.get(4).receivedAt());
	}

	@Test
	void underConcurrentRequestsTheProcessKeepsToItsRate() throws Exception {
		double perSecond = 50;
		BungieClient client = client(perSecond, Duration.ZERO);
		bungie.platform("GET", "/Destiny2/Manifest/", Map.of("version", "v1"));

		List<Future<?>> calls = new ArrayList<>();
		for (int i = 0; i < 150; i++) {
			calls.add(threads.submit(() -> client.get("/Destiny2/Manifest/", null)));
		}
		for (Future<?> call : calls) {
			call.get();
		}

		List<Long> arrivals = bungie.requests("GET", MANIFEST).stream().map(BungieStub.Request::receivedAt).sorted().toList();
		assertThat(arrivals).hasSize(150);
		// Any stretch of time holds at most a second's burst plus the rate over its length (and a little jitter).
		for (int i = 0; i < arrivals.size(); i++) {
			for (int j = i + 1; j < arrivals.size(); j++) {
				double seconds = (arrivals.get(j) - arrivals.get(i)) / 1e9;
				assertThat(j - i + 1).as("requests %d..%d within %.3f s", i, j, seconds)
					.isLessThanOrEqualTo((int) (perSecond + seconds * perSecond) + 3);
			}
		}
		assertThat(Duration.ofNanos(arrivals.get(149) - arrivals.get(0))).isGreaterThan(Duration.ofMillis(1800));
	}

	@Test
	void aQuietProcessMayBurstOneSecondsWorthThenGoesAtItsRate() {
		AtomicLong now = new AtomicLong(1_000_000_000L);
		RequestRate rate = new RequestRate(10, now::get);

		List<Duration> waits = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			waits.add(rate.reserve(Duration.ofSeconds(5)));
		}

		assertThat(waits.subList(0, 10)).allSatisfy(wait -> assertThat(wait).isZero());
		assertThat(waits.subList(10, 12)).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
		assertThat(rate.reserve(Duration.ofMillis(100))).as("nothing reserved beyond the patience given").isNull();
	}

	private BungieClient client(double perSecond, Duration spacing) {
		return new BungieClient(new BungieProperties(bungie.baseUrl(), "key", "id", "secret", null, Duration.ofSeconds(5),
				perSecond, spacing, 3, Duration.ofSeconds(10)), JsonMapper.builder().build());
	}

}
