package dev.tower.destiny.login;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import dev.tower.account.AccountService;
import dev.tower.account.Role;
import dev.tower.destiny.BungieOnStub;
import dev.tower.destiny.BungieStub;
import dev.tower.destiny.bungie.BungieClient;
import dev.tower.destiny.bungie.BungieException;
import dev.tower.destiny.bungie.BungieException.Kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Players with a good access token: refreshed once when about to expire, forgotten when the refresh fails. */
@BungieOnStub
class PlayersTests extends BungieLoginTest {

	@Autowired
	Players players;

	@Autowired
	BungieLinks links;

	@Autowired
	BungieClient client;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	long account;

	@BeforeEach
	void aLinkedPlayer() {
		account = accounts.createForExternalLogin("Cayde", Role.PLAYER).id();
		Instant now = Instant.now();
		links.save(account, new Membership(BUNGIE_ID, 3, STEAM, "Cayde#0006", "Cayde"),
				new Tokens("access-one", now.plusSeconds(3600), "refresh-one", now.plus(Duration.ofDays(90))));
	}

	@Test
	void aGoodAccessTokenIsUsedAsItIs() {
		Player player = players.forAccount(account).orElseThrow();

		assertThat(player.accessToken()).isEqualTo("access-one");
		assertThat(player.membershipType()).isEqualTo(3);
		assertThat(player.destinyMembershipId()).isEqualTo(STEAM);
		assertThat(player.bungieMembershipId()).isEqualTo(BUNGIE_ID);
		assertThat(bungie.requests()).isEmpty();
	}

	@Test
	void anAccountThatNeverLoggedInWithBungieHasNoPlayer() {
		long stranger = accounts.create("stranger", "stranger-kettle-harbour", false).id();

		assertThat(players.forAccount(stranger)).isEmpty();
	}

	@Test
	void aTokenExpiringWithinAMinuteIsRefreshedAndBothNewTokensAreKept() {
		accessExpiresIn(Duration.ofSeconds(30));
		bungie.on("POST", TOKEN, r -> tokens("access-two", "refresh-two"));

		assertThat(players.forAccount(account).orElseThrow().accessToken()).isEqualTo("access-two");

		assertThat(bungie.requests("POST", TOKEN).get(0).body()).contains("grant_type=refresh_token")
			.contains("refresh_token=refresh-one");
		BungieLink stored = links.find(account).orElseThrow();
		assertThat(stored.tokens().access()).isEqualTo("access-two");
		assertThat(stored.tokens().refresh()).isEqualTo("refresh-two");
		assertThat(stored.tokens().accessExpiresAt()).isAfter(Instant.now().plusSeconds(3500));
		assertThat(jdbc.sql("select refresh_token from bungie_link").query(String.class).single())
			.doesNotContain("refresh-two");
	}

	@Test
	void tenConcurrentRequestsRefreshAnExpiredTokenOnce() throws Exception {
		accessExpiresIn(Duration.ofMinutes(-5));
		slowTokenEndpoint();

		List<String> seen = concurrently(10, () -> players.forAccount(account).orElseThrow().accessToken());

		assertThat(bungie.requests("POST", TOKEN)).hasSize(1);
		assertThat(seen).hasSize(10).containsOnly("access-two");
	}

	@Test
	void twoTowerNodesRefreshOnceBetweenThem() throws Exception {
		// Each node has its own in-memory locks: only the database's row lock keeps them apart.
		Players node1 = new StoredPlayers(links, client, transaction);
		Players node2 = new StoredPlayers(links, client, transaction);
		accessExpiresIn(Duration.ofMinutes(-5));
		slowTokenEndpoint();

		List<String> seen = concurrently(10,
				n -> (n % 2 == 0 ? node1 : node2).forAccount(account).orElseThrow().accessToken());

		assertThat(bungie.requests("POST", TOKEN)).hasSize(1);
		assertThat(seen).containsOnly("access-two");
	}

	@Test
	void aRevokedRefreshTokenIsForgottenAndThePlayerMustLogInAgain() {
		accessExpiresIn(Duration.ofMinutes(-5));
		bungie.on("POST", TOKEN, r -> BungieStub.json(400,
				Map.of("error", "invalid_grant", "error_description", "RefreshTokenNotYetValid or revoked")));

		assertUnauthorized();

		assertThat(jdbc.sql("select count(*) from bungie_link where access_token is null and refresh_token is null")
			.query(Long.class).single()).isEqualTo(1);
		assertUnauthorized();
		assertThat(bungie.requests("POST", TOKEN)).as("a forgotten token is not tried again").hasSize(1);
	}

	@Test
	void aRefreshTokenKnownToHaveExpiredIsForgottenWithoutAskingBungie() {
		jdbc.sql("update bungie_link set access_expires_at = ?, refresh_expires_at = ?")
			.params(Timestamp.from(Instant.now().minusSeconds(60)), Timestamp.from(Instant.now().minusSeconds(1)))
			.update();

		assertUnauthorized();

		assertThat(bungie.requests()).isEmpty();
		assertThat(jdbc.sql("select access_token from bungie_link").query().singleRow().get("access_token")).isNull();
	}

	@Test
	void bungieDownDuringARefreshKeepsTheTokensForLater() {
		accessExpiresIn(Duration.ofMinutes(-5));
		bungie.on("POST", TOKEN, r -> BungieStub.maintenancePage());

		assertThatThrownBy(() -> players.forAccount(account))
			.isInstanceOfSatisfying(BungieException.class, ex -> assertThat(ex.kind()).isEqualTo(Kind.MAINTENANCE));

		assertThat(links.find(account).orElseThrow().tokens().refresh()).isEqualTo("refresh-one");
	}

	@Test
	void tokensTamperedWithInTheDatabaseAreForgottenNotACrash() {
		String other = jdbc.sql("select refresh_token from bungie_link").query(String.class).single();
		jdbc.sql("update bungie_link set access_token = ?").param(other).update();

		assertUnauthorized();

		assertThat(jdbc.sql("select access_token from bungie_link").query().singleRow().get("access_token")).isNull();
	}

	private void assertUnauthorized() {
		assertThatThrownBy(() -> players.forAccount(account)).isInstanceOfSatisfying(BungieException.class, ex -> {
			assertThat(ex.kind()).isEqualTo(Kind.UNAUTHORIZED);
			assertThat(ex.getMessage()).isEqualTo("Your Bungie.net login has expired: log in again");
		});
	}

	private void accessExpiresIn(Duration duration) {
		jdbc.sql("update bungie_link set access_expires_at = ?").param(Timestamp.from(Instant.now().plus(duration)))
			.update();
	}

	/** Slow enough that every request arrives while the first refresh is still on its way. */
	private void slowTokenEndpoint() {
		bungie.on("POST", TOKEN, r -> {
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return tokens("access-two", "refresh-two");
		});
	}

	private static List<String> concurrently(int count, Callable<String> task) throws Exception {
		return concurrently(count, n -> task.call());
	}

	private static List<String> concurrently(int count, Task task) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(count);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<String>> futures = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				int n = i;
				futures.add(pool.submit(() -> {
					start.await();
					return task.run(n);
				}));
			}
			start.countDown();
			List<String> results = new ArrayList<>();
			for (Future<String> future : futures) {
				results.add(future.get());
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

	@FunctionalInterface
	private interface Task {

		String run(int n) throws Exception;

	}

}
