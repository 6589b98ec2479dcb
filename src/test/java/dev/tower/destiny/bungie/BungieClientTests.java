package dev.tower.destiny.bungie;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.tower.destiny.BungieStub;
import dev.tower.destiny.bungie.BungieException.Kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BungieClientTests {

	private final BungieStub bungie = new BungieStub();

	private final BungieClient client = new BungieClient(
			new BungieProperties(bungie.baseUrl(), "the-api-key", "12345", "the-secret", null, Duration.ofSeconds(5)),
			JsonMapper.builder().build(), wait -> {
			});

	@AfterEach
	void stop() {
		bungie.close();
	}

	@Test
	void readsTheResponseOutOfTheEnvelopeAndSendsKeyAgentAndToken() {
		bungie.platform("GET", "/Destiny2/Manifest/", Map.of("version", "123.45"));

		assertThat(client.get("/Destiny2/Manifest/", "access-1").path("version").asString()).isEqualTo("123.45");

		var request = bungie.requests("GET", "/Platform/Destiny2/Manifest/").get(0);
		assertThat(request.header("X-API-Key")).isEqualTo("the-api-key");
		assertThat(request.header("User-Agent")).startsWith("Tower/");
		assertThat(request.header("Authorization")).isEqualTo("Bearer access-1");
		assertThat(request.header("Accept-Encoding")).contains("gzip");
	}

	@Test
	void anErrorCodeOtherThanSuccessIsARefusalWithBungiesMessage() {
		bungie.on("POST", "/Platform/Destiny2/Actions/Items/TransferItem/",
				r -> BungieStub.error(1642, "DestinyNoRoomInDestination", "There are no item slots available."));

		assertThatThrownBy(() -> client.post("/Destiny2/Actions/Items/TransferItem/", Map.of("itemId", "1"), "t"))
			.isInstanceOfSatisfying(BungieException.class, ex -> {
				assertThat(ex.kind()).isEqualTo(Kind.REFUSED);
				assertThat(ex.errorStatus()).isEqualTo("DestinyNoRoomInDestination");
				assertThat(ex.getMessage()).isEqualTo("There are no item slots available.");
			});
	}

	@Test
	void maintenanceIsRecognisedInTheEnvelopeAndAsAnHtmlPage() {
		bungie.on("GET", "/Platform/Destiny2/Manifest/", r -> BungieStub.maintenance());
		assertThatThrownBy(() -> client.get("/Destiny2/Manifest/", null))
			.isInstanceOfSatisfying(BungieException.class, ex -> assertThat(ex.kind()).isEqualTo(Kind.MAINTENANCE));

		bungie.on("GET", "/Platform/Destiny2/Manifest/", r -> BungieStub.maintenancePage());
		assertThatThrownBy(() -> client.get("/Destiny2/Manifest/", null))
			.isInstanceOfSatisfying(BungieException.class, ex -> assertThat(ex.kind()).isEqualTo(Kind.MAINTENANCE));
	}

	@Test
	void theTokenEndpointIsCalledAsAConfidentialClient() {
		bungie.on("POST", "/Platform/App/OAuth/token/", r -> BungieStub.json(200,
				Map.of("access_token", "a", "token_type", "Bearer", "expires_in", 3600, "refresh_token", "r",
						"refresh_expires_in", 7776000, "membership_id", "4611686018467260757")));

		assertThat(client.token(Map.of("grant_type", "authorization_code", "code", "c0de")).path("access_token").asString())
			.isEqualTo("a");

		var request = bungie.requests("POST", "/Platform/App/OAuth/token/").get(0);
		assertThat(request.header("Authorization")).isEqualTo("Basic MTIzNDU6dGhlLXNlY3JldA==");
		assertThat(request.body()).contains("grant_type=authorization_code").contains("code=c0de");
	}

	@Test
	void aRefusedGrantIsUnauthorized() {
		bungie.on("POST", "/Platform/App/OAuth/token/",
				r -> BungieStub.json(400, Map.of("error", "invalid_grant", "error_description", "AuthorizationCodeInvalid")));

		assertThatThrownBy(() -> client.token(Map.of("grant_type", "refresh_token", "refresh_token", "old")))
			.isInstanceOfSatisfying(BungieException.class, ex -> {
				assertThat(ex.kind()).isEqualTo(Kind.UNAUTHORIZED);
				assertThat(ex.getMessage()).contains("AuthorizationCodeInvalid");
			});
	}

	@Test
	void answersComeGzippedAndAreReadWhole() throws Exception {
		List<Map<String, Object>> items = new ArrayList<>();
		for (int i = 0; i < 5000; i++) {
			items.add(Map.of("itemHash", 2190858386L, "itemInstanceId", "6917529" + String.format("%012d", i)));
		}
		bungie.platform("GET", "/Destiny2/3/Profile/4611686018467260757/", Map.of("profileInventory",
				Map.of("data", Map.of("items", items))));
		bungie.on("GET", "/common/destiny2_content/json/en/table.json", r -> new BungieStub.Answer(200, "application/json", "{\"1\":{}}".getBytes()));

		var answer = client.get(BungieEndpoints.PROFILE.path(3, "4611686018467260757"), "t");

		assertThat(answer.path("profileInventory").path("data").path("items").size()).isEqualTo(5000);
		assertThat(answer.at("/profileInventory/data/items/4999/itemInstanceId").asString()).isEqualTo("6917529000000004999");
		var request = bungie.requests().get(0);
		assertThat(request.header("Accept-Encoding")).contains("gzip");
		assertThat(request.query()).isEqualTo("components=100,102,200,201,205,300");
		try (var table = client.content("/common/destiny2_content/json/en/table.json")) {
			assertThat(new String(table.readAllBytes())).isEqualTo("{\"1\":{}}");
		}
	}

	@Test
	void aBungieThatDoesNotAnswerInTimeIsUnavailableAndNotWaitedForTwice() {
		BungieClient impatient = new BungieClient(new BungieProperties(bungie.baseUrl(), "k", "i", "s", null,
				Duration.ofMillis(300)), JsonMapper.builder().build());
		bungie.on("GET", "/Platform/Destiny2/Manifest/",
				BungieStub.slow(3000, r -> BungieStub.success(Map.of("version", "late"))));

		long started = System.nanoTime();
		assertThatThrownBy(() -> impatient.get("/Destiny2/Manifest/", null))
			.isInstanceOfSatisfying(BungieException.class, ex -> assertThat(ex.kind()).isEqualTo(Kind.UNAVAILABLE));

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2000));
		assertThat(bungie.requests("GET", "/Platform/Destiny2/Manifest/")).hasSize(1);
	}

	@Test
	void anAnswerThatStallsAfterItsHeadersIsUnavailableAndNotWaitedForTwice() {
		BungieClient impatient = new BungieClient(new BungieProperties(bungie.baseUrl(), "k", "i", "s", null,
				Duration.ofMillis(300)), JsonMapper.builder().build());
		bungie.on("GET", "/Platform/Destiny2/Manifest/",
				r -> BungieStub.stalled(BungieStub.success(Map.of("version", "x".repeat(10_000))), 100, 5000));

		long started = System.nanoTime();
		assertThatThrownBy(() -> impatient.get("/Destiny2/Manifest/", null))
			.isInstanceOfSatisfying(BungieException.class, ex -> {
				assertThat(ex.kind()).isEqualTo(Kind.UNAVAILABLE);
				assertThat(ex.getMessage()).isEqualTo("Bungie.net stopped sending its answer for /Destiny2/Manifest/");
			});

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2000));
		assertThat(bungie.requests("GET", "/Platform/Destiny2/Manifest/")).hasSize(1);
	}

	@Test
	void aDownloadThatStallsFailsItsReadButAReaderThatPausesIsNotAStall() throws Exception {
		BungieClient impatient = new BungieClient(new BungieProperties(bungie.baseUrl(), "k", "i", "s", null,
				Duration.ofMillis(300)), JsonMapper.builder().build());
		byte[] table = ("{" + "\"1\":{},".repeat(50_000) + "\"2\":{}}").getBytes();
		bungie.on("GET", "/common/stalls.json", r -> BungieStub.stalled(BungieStub.file(table), 50, 5000));
		bungie.on("GET", "/common/whole.json", r -> BungieStub.file(table));

		long started = System.nanoTime();
		try (var download = impatient.content("/common/stalls.json")) {
			assertThatThrownBy(download::readAllBytes).isInstanceOf(java.net.http.HttpTimeoutException.class)
				.hasMessageContaining("sent nothing for 300 ms");
		}
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2000));

		try (var download = impatient.content("/common/whole.json")) {
			byte[] start = download.readNBytes(10);
			Thread.sleep(700); // the reader is busy (writing rows, say): Bungie is not silent
			byte[] rest = download.readAllBytes();
			assertThat(start.length + rest.length).isEqualTo(table.length);
		}
	}

	@Test
	void anHtmlAnswerThatIsNotMaintenanceIsUnavailable() {
		bungie.on("GET", "/Platform/Destiny2/Manifest/",
				r -> new BungieStub.Answer(502, "text/html", "<html>Bad gateway</html>".getBytes()));

		assertThatThrownBy(() -> client.get("/Destiny2/Manifest/", null))
			.isInstanceOfSatisfying(BungieException.class, ex -> {
				assertThat(ex.kind()).isEqualTo(Kind.UNAVAILABLE);
				assertThat(ex.getMessage()).contains("502").contains("text/html");
			});
		assertThat(bungie.requests("GET", "/Platform/Destiny2/Manifest/")).as("a read is tried again").hasSize(3);
	}

	@Test
	void noServerIsUnavailableNotACrash() {
		bungie.close();
		assertThatThrownBy(() -> client.get("/Destiny2/Manifest/", null))
			.isInstanceOfSatisfying(BungieException.class, ex -> assertThat(ex.kind()).isEqualTo(Kind.UNAVAILABLE));
	}

}
