package dev.tower.destiny;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.Headers;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.tower.destiny.BungieStub.Answer;
import dev.tower.destiny.BungieStub.Request;
import dev.tower.destiny.demo.DemoBungie;
import dev.tower.destiny.demo.PlatformError;
import dev.tower.destiny.inventory.BundledDefinitions;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * A Bungie.net with state, on a {@link BungieStub}: one cross-save player who logs in through Bungie's OAuth pages,
 * the bundled demo manifest as Bungie's current one, and the demo profile as that player's, served by the simulated
 * Bungie.net the demo runs in-process ({@link DemoBungie}): {@code TransferItem} and {@code EquipItem} change it with
 * the game's rules, so the next profile fetch shows the move. Every request is held to what Bungie requires (API
 * key, the player's bearer token, OAuth client credentials, the action bodies' fields); a request that falls short
 * is answered with Bungie's error and written down in {@link #problems()}, so a test can say none did.
 */
public final class FakeBungie implements AutoCloseable {

	public static final String API_KEY = "fake-bungie-api-key";

	public static final String CLIENT_ID = "31415";

	public static final String CLIENT_SECRET = "fake-bungie-client-secret";

	/** The player's Bungie.net account. */
	public static final String BUNGIE_ID = "27182818";

	/** The platform the player left for cross save: Bungie still names it as primaryMembershipId. */
	public static final String XBOX = "4611686018400000001";

	public static final String MANIFEST_VERSION = "226789.26.11.24.1700-1-bnet.61234";

	public static final String TOKEN = "/Platform/App/OAuth/token/";

	public static final String TRANSFER = "/Platform/Destiny2/Actions/Items/TransferItem/";

	public static final String EQUIP = "/Platform/Destiny2/Actions/Items/EquipItem/";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final List<String> TABLES = List.of("DestinyInventoryItemDefinition",
			"DestinyInventoryBucketDefinition", "DestinyItemTierTypeDefinition", "DestinyDamageTypeDefinition",
			"DestinyClassDefinition", "DestinyStatDefinition", "DestinyVendorDefinition", "DestinyStatGroupDefinition",
			"DestinySocketCategoryDefinition", "DestinyDestinationDefinition", "DestinyPlaceDefinition");

	private static final Set<String> TRANSFER_FIELDS = Set.of("itemReferenceHash", "stackSize", "transferToVault",
			"itemId", "characterId", "membershipType");

	private static final Set<String> EQUIP_FIELDS = Set.of("itemId", "characterId", "membershipType");

	private final BungieStub stub = new BungieStub();

	/** The player's profile and Bungie's rules for it, on the manifest this Bungie.net serves. */
	private final DemoBungie game = new DemoBungie(new BundledDefinitions(), JSON);

	private final Map<String, byte[]> tables = new LinkedHashMap<>();

	/** Bungie's content server has the icons the manifest names (the demo manifest's are Tower's own files). */
	private final Map<String, byte[]> icons = icons();

	private final List<String> problems = new CopyOnWriteArrayList<>();

	private final Map<String, Boolean> codes = new ConcurrentHashMap<>();

	private final AtomicInteger issued = new AtomicInteger();

	private final Deque<Answer> transferRefusals = new ArrayDeque<>();

	/** Transfers that still go through before the next of {@link #transferRefusals}. */
	private int transfersBeforeRefusal;

	private volatile URI tower;

	private volatile String membershipId;

	private volatile String name;

	private volatile String accessToken;

	public FakeBungie() {
		for (String table : TABLES) {
			tables.put(table, read("destiny/demo/manifest/" + table + ".json"));
		}
	}

	/** Where Bungie sends the player back after the authorize page: Tower's {@code /destiny/callback}. */
	public FakeBungie redirectingTo(URI callback) {
		this.tower = callback;
		return this;
	}

	/**
	 * Starts afresh with a player named {@code name} whose Steam membership {@code steamId} is the cross-save
	 * primary, and who owns the demo profile; the stub answers as this Bungie.net again, whatever a test made it
	 * answer before.
	 */
	public synchronized FakeBungie player(String steamId, String name) {
		this.membershipId = steamId;
		this.name = name;
		this.accessToken = null;
		problems.clear();
		transferRefusals.clear();
		transfersBeforeRefusal = 0;
		game.start(steamId, profile -> {
			ObjectNode user = (ObjectNode) profile.path("profile").path("data").path("userInfo");
			user.put("membershipId", steamId).put("displayName", name).put("bungieGlobalDisplayName", name)
				.put("bungieGlobalDisplayNameCode", 1234);
			profile.path("characters").path("data").forEach(c -> ((ObjectNode) c).put("membershipId", steamId));
		});
		stub.reset();
		stub.manifest(MANIFEST_VERSION, tables);
		stub.on("GET", "/en/OAuth/Authorize", this::authorize);
		stub.on("POST", TOKEN, this::token);
		stub.on("GET", "/Platform/User/GetMembershipsForCurrentUser/", this::memberships);
		stub.on("GET", "/Platform/Destiny2/3/Profile/" + steamId + "/", this::profile);
		stub.on("GET", "/Platform/Destiny2/3/Profile/" + steamId + "/Item/*", this::item);
		stub.on("POST", TRANSFER, this::transfer);
		stub.on("POST", EQUIP, this::equip);
		icons.forEach((path, svg) -> stub.on("GET", path, request -> new Answer(200, "image/svg+xml", svg)));
		return this;
	}

	/** The next transfer is refused with {@code answer} (e.g. {@code DestinyNoRoomInDestination}) and changes nothing. */
	public synchronized void refuseNextTransfer(Answer answer) {
		transferRefusals.add(answer);
	}

	/** The next {@code passing} transfers go through; the one after them is refused with {@code answer}. */
	public synchronized void refuseTransferAfter(int passing, Answer answer) {
		transfersBeforeRefusal = passing;
		transferRefusals.add(answer);
	}

	public BungieStub stub() {
		return stub;
	}

	public URI baseUrl() {
		return stub.baseUrl();
	}

	/** Requests that fell short of what Bungie requires, one line each. */
	public List<String> problems() {
		return List.copyOf(problems);
	}

	/**
	 * Where Bungie's authorize page at {@code authorizeUrl} sends a player who approves Tower: the callback
	 * {@link #redirectingTo} names, with a code and the state.
	 */
	public String approve(String authorizeUrl) {
		URI authorize = URI.create(authorizeUrl);
		return authorize(new Request("GET", authorize.getPath(), authorize.getRawQuery(), new Headers(), "",
				System.nanoTime())).headers().get("Location");
	}

	/**
	 * Links {@code username}, signed in to Tower, to this stub's player the way a browser does (Tower's login, Bungie's
	 * approval, Tower's callback), in {@code session}.
	 */
	public void link(MockMvc mvc, MockHttpSession session, String username) throws Exception {
		String authorize = mvc.perform(get("/destiny/login").session(session).with(user(username)))
			.andReturn().getResponse().getRedirectedUrl();
		mvc.perform(get(approve(authorize)).session(session).with(user(username))).andExpect(redirectedUrl("/destiny"));
	}

	/** The access token issued at the last login. */
	public String accessToken() {
		return accessToken;
	}

	/** The request bodies {@code path} received, parsed. */
	public List<JsonNode> bodies(String path) {
		return stub.requests("POST", path).stream().map(r -> JSON.readTree(r.body())).toList();
	}

	/** Where the item {@code instanceId} is now: "vault", or a character id (+ " equipped"), or null. */
	public synchronized String whereIs(String instanceId) {
		JsonNode profile = currentProfile();
		if (holds(profile.path("profileInventory").path("data"), instanceId)) {
			return "vault";
		}
		for (String character : profile.path("characters").path("data").propertyNames()) {
			if (holds(profile.path("characterInventories").path("data").path(character), instanceId)) {
				return character;
			}
			if (holds(profile.path("characterEquipment").path("data").path(character), instanceId)) {
				return character + " equipped";
			}
		}
		return null;
	}

	/** The player's profile as Bungie has it now. */
	private JsonNode currentProfile() {
		return game.profile(membershipId).path("Response");
	}

	private static boolean holds(JsonNode component, String instanceId) {
		return component.path("items").valueStream()
			.anyMatch(item -> item.path("itemInstanceId").asString("").equals(instanceId));
	}

	private Answer authorize(Request request) {
		Map<String, String> query = form(request.query());
		if (!CLIENT_ID.equals(query.get("client_id")) || !"code".equals(query.get("response_type"))
				|| query.getOrDefault("state", "").isBlank()) {
			return problem("authorize without client_id " + CLIENT_ID + ", response_type=code and a state: " + query,
					new Answer(400, "text/html", "<h1>Invalid request</h1>".getBytes(StandardCharsets.UTF_8)));
		}
		String code = "auth-code-" + issued.incrementAndGet();
		codes.put(code, true);
		String location = tower + "?code=" + code + "&state=" + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8);
		return new Answer(302, "text/html", new byte[0], Map.of("Location", location));
	}

	private Answer token(Request request) {
		String basic = "Basic " + Base64.getEncoder()
			.encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
		Map<String, String> form = form(request.body());
		if (!basic.equals(request.header("Authorization"))) {
			return problem("token request without the client's Basic credentials",
					BungieStub.json(401, Map.of("error", "invalid_client")));
		}
		if (!"authorization_code".equals(form.get("grant_type")) || codes.remove(form.getOrDefault("code", "")) == null) {
			return problem("token request with grant " + form, BungieStub.json(400,
					Map.of("error", "invalid_grant", "error_description", "AuthorizationCodeInvalid")));
		}
		String access = "access-" + issued.incrementAndGet();
		accessToken = access;
		return BungieStub.json(200, Map.of("access_token", access, "token_type", "Bearer", "expires_in", 3600,
				"refresh_token", "refresh-" + issued.get(), "refresh_expires_in", 7776000, "membership_id", BUNGIE_ID));
	}

	private Answer memberships(Request request) {
		Answer refused = unauthorized(request);
		if (refused != null) {
			return refused;
		}
		return BungieStub.success(Map.of("destinyMemberships", List.of(card(1, XBOX), card(3, membershipId)),
				"primaryMembershipId", XBOX, "bungieNetUser", Map.of("membershipId", BUNGIE_ID, "displayName", name,
						"cachedBungieGlobalDisplayName", name, "cachedBungieGlobalDisplayNameCode", 1234)));
	}

	private Map<String, Object> card(int type, String id) {
		return Map.of("membershipType", type, "membershipId", id, "crossSaveOverride", 3, "displayName", name,
				"bungieGlobalDisplayName", name, "bungieGlobalDisplayNameCode", 1234, "applicableMembershipTypes",
				List.of(type), "isPublic", true);
	}

	/** {@code GetItem}: the item window's components of one of the player's items. */
	private synchronized Answer item(Request request) {
		Answer refused = unauthorized(request);
		if (refused != null) {
			return refused;
		}
		String[] path = request.path().split("/");
		Set<String> components = Set.of(form(request.query()).getOrDefault("components", "").split(","));
		if (!components.containsAll(Set.of("300", "304", "305")) || path.length != 8) {
			return problem("item without the window's components: " + request.path() + "?" + request.query(),
					BungieStub.json(200, PlatformError.INVALID_PARAMETERS.envelope("Invalid components.")));
		}
		return BungieStub.json(200, game.item(membershipId, path[7]));
	}

	private synchronized Answer profile(Request request) {
		Answer refused = unauthorized(request);
		if (refused != null) {
			return refused;
		}
		Set<String> components = Set.of(form(request.query()).getOrDefault("components", "").split(","));
		if (!components.containsAll(Set.of("100", "102", "200", "201", "205", "300"))) {
			return problem("profile without the board's components: " + request.query(),
					BungieStub.json(200, PlatformError.INVALID_PARAMETERS.envelope("Invalid components.")));
		}
		return BungieStub.json(200, game.profile(membershipId));
	}

	private synchronized Answer transfer(Request request) {
		Answer refused = refused(request, TRANSFER_FIELDS);
		if (refused != null) {
			return refused;
		}
		if (!transferRefusals.isEmpty() && transfersBeforeRefusal-- <= 0) {
			transfersBeforeRefusal = 0;
			return transferRefusals.poll();
		}
		return answer(request, game.transferItem(membershipId, JSON.readTree(request.body())));
	}

	private synchronized Answer equip(Request request) {
		Answer refused = refused(request, EQUIP_FIELDS);
		return refused != null ? refused : answer(request, game.equipItem(membershipId, JSON.readTree(request.body())));
	}

	/** Bungie's refusal of an action request without authorization or with a body it does not take, else null. */
	private Answer refused(Request request, Set<String> fields) {
		Answer unauthorized = unauthorized(request);
		if (unauthorized != null) {
			return unauthorized;
		}
		return body(request, fields) == null ? invalid(request, PlatformError.INVALID_PARAMETERS.envelope()) : null;
	}

	/** Bungie's answer to an action; invalid parameters are a problem with the request. */
	private Answer answer(Request request, ObjectNode envelope) {
		return envelope.path("ErrorCode").asInt() == PlatformError.INVALID_PARAMETERS.code() ? invalid(request, envelope)
				: BungieStub.json(200, envelope);
	}

	/** Bungie's answer to a request without the application's API key or the player's current token, else null. */
	private Answer unauthorized(Request request) {
		if (!API_KEY.equals(request.header("X-API-Key"))) {
			return problem(request.path() + " without the API key",
					BungieStub.envelope(401, 2101, "ApiInvalidOrExpiredKey", "Invalid API key.", 0));
		}
		if (accessToken == null || !("Bearer " + accessToken).equals(request.header("Authorization"))) {
			return problem(request.path() + " without the player's bearer token (" + request.header("Authorization") + ")",
					BungieStub.envelope(401, 99, "WebAuthRequired", "Please sign-in to continue.", 0));
		}
		return null;
	}

	/**
	 * The action's JSON body when it has exactly {@code fields}, for this player's membership type and one of its
	 * characters, with ids Bungie can read as int64; else null.
	 */
	private JsonNode body(Request request, Set<String> fields) {
		JsonNode body;
		try {
			body = JSON.readTree(request.body());
		}
		catch (RuntimeException ex) {
			return null;
		}
		String contentType = request.header("Content-Type");
		if (body == null || !body.isObject() || contentType == null || !contentType.startsWith("application/json")
				|| !Set.copyOf(body.propertyNames()).equals(fields)) {
			return null;
		}
		if (body.path("membershipType").asInt(-1) != 3 || id(body.path("itemId")) == null
				|| !currentProfile().path("characters").path("data").has(String.valueOf(id(body.path("characterId"))))) {
			return null;
		}
		return body;
	}

	private Answer invalid(Request request, ObjectNode envelope) {
		return problem(request.path() + " with a body Bungie does not accept: " + request.body(),
				BungieStub.json(200, envelope));
	}

	private Answer problem(String what, Answer answer) {
		problems.add(what);
		return answer;
	}

	/** An int64 as Bungie reads it (a number or a string of digits), or null. */
	private static String id(JsonNode node) {
		String text = node.isIntegralNumber() ? node.asString() : node.isString() ? node.asString() : "";
		return text.matches("[1-9][0-9]{0,18}") ? text : null;
	}

	/** The icons under {@code static/assets/destiny/}, by the path Bungie's content server has them at. */
	private static Map<String, byte[]> icons() {
		Map<String, byte[]> icons = new HashMap<>();
		try {
			for (Resource icon : new PathMatchingResourcePatternResolver()
				.getResources("classpath:static/assets/destiny/**/*.svg")) {
				try (InputStream in = icon.getInputStream()) {
					icons.put(icon.getURL().toString().replaceFirst(".*/static/assets/destiny/", "/assets/destiny/"),
							in.readAllBytes());
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return icons;
	}

	private static Map<String, String> form(String text) {
		Map<String, String> values = new HashMap<>();
		if (text == null || text.isBlank()) {
			return values;
		}
		for (String pair : text.split("&")) {
			int equals = pair.indexOf('=');
			String key = equals < 0 ? pair : pair.substring(0, equals);
			String value = equals < 0 ? "" : pair.substring(equals + 1);
			values.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
		}
		return values;
	}

	private static byte[] read(String path) {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(path + " is missing from the build", ex);
		}
	}

	@Override
	public void close() {
		stub.close();
	}

}
