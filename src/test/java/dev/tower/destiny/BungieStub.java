package dev.tower.destiny;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

import dev.tower.destiny.bungie.Envelope;

/**
 * A local Bungie.net speaking its wire format: Platform answers in the {@code Response}/{@code ErrorCode} envelope,
 * the OAuth token endpoint, plain files (manifest tables) and maintenance pages. Tests register what each
 * {@code METHOD path} answers and read back the requests it received. Answers are gzipped when asked, as Bungie's
 * are.
 */
public final class BungieStub implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpServer server;

	private final Map<String, Route> routes = new ConcurrentHashMap<>();

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	/** What the stub answers to a request. */
	@FunctionalInterface
	public interface Route {

		Answer answer(Request request) throws IOException;

	}

	/**
	 * A request as received: method, path (without query), query string, headers, body, and when it arrived (on
	 * {@link System#nanoTime()}'s clock, to measure the pace of a client).
	 */
	public record Request(String method, String path, String query, Headers headers, String body, long receivedAt) {

		public String header(String name) {
			return headers.getFirst(name);
		}

	}

	/** An answer: status, content type, body bytes, and extra headers. */
	public record Answer(int status, String contentType, byte[] body, Map<String, String> headers) {

		public Answer(int status, String contentType, byte[] body) {
			this(status, contentType, body, Map.of());
		}

	}

	public BungieStub() {
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException("could not open a loopback port for the Bungie stub", ex);
		}
		server.setExecutor(Executors.newCachedThreadPool(runnable -> {
			Thread thread = new Thread(runnable, "bungie-stub");
			thread.setDaemon(true);
			return thread;
		}));
		server.createContext("/", this::handle);
		server.start();
	}

	/** The base URL to give Tower as {@code BUNGIE_BASE_URL}. */
	public URI baseUrl() {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
	}

	/**
	 * Answers {@code method} on exactly {@code path} (no query), or on every path under it when it ends with
	 * {@code *}, with {@code route}, replacing an earlier route.
	 */
	public BungieStub on(String method, String path, Route route) {
		routes.put(method + " " + path, route);
		return this;
	}

	/** Answers a Platform call (path after {@code /Platform}) with ErrorCode 1 and {@code response}. */
	public BungieStub platform(String method, String path, Object response) {
		return on(method, "/Platform" + path, request -> success(response));
	}

	private Route route(String key) {
		Route exact = routes.get(key);
		if (exact != null) {
			return exact;
		}
		return routes.entrySet().stream()
			.filter(e -> e.getKey().endsWith("*") && key.startsWith(e.getKey().substring(0, e.getKey().length() - 1)))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(null);
	}

	public List<Request> requests() {
		return List.copyOf(requests);
	}

	public List<Request> requests(String method, String path) {
		return requests.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
	}

	/** Forgets the requests received so far; the routes stay. */
	public void forgetRequests() {
		requests.clear();
	}

	public void reset() {
		routes.clear();
		requests.clear();
	}

	/** Bungie's envelope around a successful response. */
	public static Answer success(Object response) {
		return json(200, Envelope.success(JSON.valueToTree(response)));
	}

	/** Bungie's envelope for an error, as it sends it (HTTP 200 for most platform errors). */
	public static Answer error(int errorCode, String errorStatus, String message) {
		return envelope(200, errorCode, errorStatus, message, 0);
	}

	/** {@code PerEndpointRequestThrottleExceeded}: this IP is over Bungie's rate; come back after {@code seconds}. */
	public static Answer throttled(int seconds) {
		return envelope(200, 51, "PerEndpointRequestThrottleExceeded",
				"Too many platform requests per second.", seconds);
	}

	/** {@code DestinyThrottledByGameServer}: the game server refused a player's action for now. */
	public static Answer throttledByGameServer() {
		return envelope(200, 1672, "DestinyThrottledByGameServer",
				"This action was throttled by the Destiny game server.", 0);
	}

	/** {@code route}'s answer after {@code millis}: a Bungie.net that is slow to answer. */
	public static Route slow(long millis, Route route) {
		return request -> {
			try {
				Thread.sleep(millis);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return route.answer(request);
		};
	}

	/** Bungie's error envelope with every field, for throttling and odd HTTP statuses. */
	public static Answer envelope(int status, int errorCode, String errorStatus, String message, int throttleSeconds) {
		return json(status, Envelope.error(errorCode, errorStatus, message, throttleSeconds));
	}

	/** {@code SystemDisabled}: what Platform calls answer during maintenance. */
	public static Answer maintenance() {
		return envelope(503, 5, "SystemDisabled", "This system is temporarily disabled for maintenance.", 0);
	}

	/** The HTML page some of Bungie's front doors serve during maintenance. */
	public static Answer maintenancePage() {
		return new Answer(503, "text/html; charset=utf-8",
				"<html><body><h1>Bungie.net is down for maintenance</h1></body></html>".getBytes(StandardCharsets.UTF_8));
	}

	/** A header only the stub reads: send the answer's headers and this many body bytes, then drop the connection. */
	private static final String CUT_AFTER = "X-Stub-Cut-After";

	/** {@code answer}, broken off after {@code bytes} bytes of its (possibly gzipped) body, as a dropped download. */
	public static Answer brokenOff(Answer answer, int bytes) {
		Map<String, String> headers = new java.util.HashMap<>(answer.headers());
		headers.put(CUT_AFTER, Integer.toString(bytes));
		return new Answer(answer.status(), answer.contentType(), answer.body(), headers);
	}

	/** A header only the stub reads: with {@link #CUT_AFTER}, how long to go silent before dropping the connection. */
	private static final String STALL_MILLIS = "X-Stub-Stall-Millis";

	/** {@code answer}, silent for {@code millis} after {@code bytes} bytes of its body, as a stalled server. */
	public static Answer stalled(Answer answer, int bytes, long millis) {
		Map<String, String> headers = new java.util.HashMap<>(brokenOff(answer, bytes).headers());
		headers.put(STALL_MILLIS, Long.toString(millis));
		return new Answer(answer.status(), answer.contentType(), answer.body(), headers);
	}

	/** A plain file (a manifest table) as Bungie's content servers send it. */
	public static Answer file(byte[] body) {
		return new Answer(200, "application/json", body);
	}

	/**
	 * Bungie's {@code /Destiny2/Manifest/} naming {@code tables} (Bungie name → JSON content) under {@code version}:
	 * the English paths carry the version, as Bungie's do, and each path serves its table.
	 */
	public BungieStub manifest(String version, Map<String, byte[]> tables) {
		Map<String, String> english = new java.util.LinkedHashMap<>();
		tables.forEach((name, content) -> {
			String path = manifestPath(version, name);
			english.put(name, path);
			on("GET", path, request -> file(content));
		});
		return platform("GET", "/Destiny2/Manifest/", Map.of("version", version,
				"jsonWorldComponentContentPaths", Map.of("en", english)));
	}

	/** Where {@link #manifest} serves the table {@code name} of {@code version}. */
	public static String manifestPath(String version, String name) {
		return "/common/destiny2_content/json/en/" + name + "-" + version + ".json";
	}

	public static Answer json(int status, Object body) {
		return new Answer(status, "application/json; charset=utf-8", JSON.writeValueAsBytes(body));
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			URI uri = exchange.getRequestURI();
			Request request = new Request(exchange.getRequestMethod(), uri.getPath(), uri.getRawQuery(),
					exchange.getRequestHeaders(),
					new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), System.nanoTime());
			requests.add(request);
			Route route = route(request.method() + " " + request.path());
			Answer answer = route != null ? route.answer(request)
					: error(1618, "DestinyUnexpectedError", "The stub has no route for " + request.method() + " " + request.path());
			byte[] body = answer.body();
			String acceptEncoding = request.header("Accept-Encoding");
			if (acceptEncoding != null && acceptEncoding.contains("gzip") && body.length > 0) {
				ByteArrayOutputStream zipped = new ByteArrayOutputStream();
				try (OutputStream gzip = new GZIPOutputStream(zipped)) {
					gzip.write(body);
				}
				body = zipped.toByteArray();
				exchange.getResponseHeaders().set("Content-Encoding", "gzip");
			}
			exchange.getResponseHeaders().set("Content-Type", answer.contentType());
			answer.headers().forEach((name, value) -> {
				if (!name.equals(CUT_AFTER) && !name.equals(STALL_MILLIS)) {
					exchange.getResponseHeaders().set(name, value);
				}
			});
			exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
			String cut = answer.headers().get(CUT_AFTER);
			if (cut != null) {
				exchange.getResponseBody().write(body, 0, Math.min(body.length, Integer.parseInt(cut)));
				exchange.getResponseBody().flush();
				stall(answer.headers().get(STALL_MILLIS));
				// Closing short of the announced length drops the connection: the client's read breaks off.
				return;
			}
			if (body.length > 0) {
				exchange.getResponseBody().write(body);
			}
		}
	}

	private static void stall(String millis) {
		if (millis != null) {
			try {
				Thread.sleep(Long.parseLong(millis));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public void close() {
		server.stop(0);
	}

}
