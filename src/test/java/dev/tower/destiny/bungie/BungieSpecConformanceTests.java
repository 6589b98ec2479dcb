package dev.tower.destiny.bungie;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.IntNode;

import dev.tower.destiny.demo.PlatformError;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Bungie.net call Tower makes ({@link BungieEndpoints}) held against Bungie's own specification
 * ({@code src/test/resources/bungie/openapi.json}, Bungie's BSD-licensed {@code openapi.json} v2.21.7 with its
 * LICENSE beside it): the path and method exist, the query parameters and path variables are Bungie's, the
 * component numbers are {@code DestinyComponentType}s, the request fields are the request schema's, and every
 * response field read exists in the response schema, requested with the component it depends on.
 */
class BungieSpecConformanceTests {

	private static final JsonNode SPEC = load();

	static Stream<Arguments> endpoints() {
		List<Arguments> endpoints = new ArrayList<>();
		for (Field field : BungieEndpoints.class.getFields()) {
			if (Modifier.isStatic(field.getModifiers()) && field.getType() == BungieEndpoint.class) {
				try {
					endpoints.add(Arguments.of(field.getName(), field.get(null)));
				}
				catch (IllegalAccessException ex) {
					throw new IllegalStateException(ex);
				}
			}
		}
		return endpoints.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("endpoints")
	void everyCallTowerMakesIsInBungiesSpecification(String name, BungieEndpoint endpoint) {
		assertThat(problems(endpoint)).as(name + " " + endpoint.method() + " " + endpoint.template()).isEmpty();
	}

	@Test
	void theCallsTheBoardNeedsAreAllDeclared() {
		List<String> declared = endpoints().map(arguments -> ((BungieEndpoint) arguments.get()[1]).method() + " "
				+ ((BungieEndpoint) arguments.get()[1]).template()).toList();

		assertThat(declared).contains("GET /User/GetMembershipsForCurrentUser/", "GET /Destiny2/Manifest/",
				"GET /Destiny2/{membershipType}/Profile/{destinyMembershipId}/",
				"GET /Destiny2/{membershipType}/Profile/{destinyMembershipId}/Character/{characterId}/Vendors/{vendorHash}/",
				"GET /Destiny2/{membershipType}/Profile/{destinyMembershipId}/Item/{itemInstanceId}/",
				"POST /Destiny2/Actions/Items/TransferItem/", "POST /Destiny2/Actions/Items/EquipItem/",
				"POST /Destiny2/Actions/Items/PullFromPostmaster/");
		assertThat(BungieEndpoints.PROFILE.components()).contains(100, 102, 200, 201, 205, 300);
		assertThat(BungieEndpoints.VENDOR.components()).contains(400, 402);
		assertThat(BungieEndpoints.VENDOR.responseFields()).contains("vendor.data.vendorLocationIndex");
		// the item window: instance, ItemStats and ItemSockets
		assertThat(BungieEndpoints.ITEM.components()).contains(300, 304, 305);
	}

	@Test
	void theOAuthEndpointsAreTheOnesTheSecuritySchemeNames() {
		JsonNode flow = SPEC.at("/components/securitySchemes/oauth2/flows/authorizationCode");

		assertThat(URI.create(flow.path("authorizationUrl").asString()).getPath()).isEqualTo(BungieEndpoints.AUTHORIZE);
		assertThat(URI.create(flow.path("tokenUrl").asString()).getPath()).isEqualTo(BungieEndpoints.TOKEN);
		assertThat(URI.create(flow.path("refreshUrl").asString()).getPath()).isEqualTo(BungieEndpoints.TOKEN);
	}

	@Test
	void actionsAreSpacedAtLeastAsMuchAsBungieAsksForEachPlayer() {
		BungieProperties defaults = new BungieProperties(null, null, null, null, null, null);
		endpoints().map(arguments -> (BungieEndpoint) arguments.get()[1])
			.filter(endpoint -> endpoint.method().equals("POST"))
			.forEach(endpoint -> {
				JsonNode spacing = operation(endpoint)
					.path("x-documentation-attributes").path("ThrottleSecondsBetweenActionPerUser");
				double seconds = spacing.isMissingNode() ? 0 : Double.parseDouble(spacing.asString());
				assertThat(defaults.actionSpacing().toMillis()).as(endpoint.template())
					.isGreaterThanOrEqualTo((long) (seconds * 1000));
			});
	}

	/**
	 * The item window and Xûr's location read these from manifest definitions (the manifest tables are the spec's
	 * definition schemas).
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("definitionFields")
	void theDefinitionFieldsTowerReadsAreBungies(String schema, List<String> fields) {
		BungieEndpoint none = BungieEndpoint.get("/Destiny2/Manifest/", List.of());
		List<String> problems = new ArrayList<>();
		JsonNode definition = SPEC.path("components").path("schemas").path(schema);
		assertThat(definition.isMissingNode()).as(schema).isFalse();
		fields.forEach(field -> checkField(none, definition, field, Map.of(), problems));
		assertThat(problems).as(schema).isEmpty();
	}

	static Stream<Arguments> definitionFields() {
		return Stream.of(
				Arguments.of("Destiny.Definitions.DestinyInventoryItemDefinition",
						List.of("displayProperties.description", "displayProperties.icon", "inventory.tierTypeName",
								"stats.statGroupHash", "sockets.socketCategories[].socketCategoryHash",
								"sockets.socketCategories[].socketIndexes[]", "plug.plugCategoryIdentifier",
								"investmentStats[].statTypeHash", "investmentStats[].value", "equippable")),
				Arguments.of("Destiny.Definitions.DestinyStatGroupDefinition",
						List.of("scaledStats[].statHash", "scaledStats[].maximumValue", "scaledStats[].displayAsNumeric")),
				Arguments.of("Destiny.Definitions.Sockets.DestinySocketCategoryDefinition",
						List.of("displayProperties.name")),
				Arguments.of("Destiny.Definitions.DestinyStatDefinition", List.of("displayProperties.name")),
				// where Xûr is: vendor component 400's vendorLocationIndex points into the vendor's locations
				Arguments.of("Destiny.Definitions.DestinyVendorDefinition",
						List.of("displayProperties.name", "displayProperties.subtitle", "locations[].destinationHash")),
				Arguments.of("Destiny.Definitions.DestinyDestinationDefinition",
						List.of("displayProperties.name", "placeHash")),
				Arguments.of("Destiny.Definitions.DestinyPlaceDefinition", List.of("displayProperties.name")));
	}

	@Test
	void theCheckCatchesWhatBungieDoesNotHave() {
		BungieEndpoint invented = BungieEndpoint.get("/Destiny2/{membershipType}/Vault/{destinyMembershipId}/",
				List.of(100), "items[].itemHash");
		BungieEndpoint wrongField = BungieEndpoint.get("/Destiny2/Manifest/", List.of(), "version",
				"jsonWorldTablePaths{}", "mobileWorldContentPaths{}.en");
		BungieEndpoint wrongComponent = BungieEndpoint.get("/Destiny2/{membershipType}/Profile/{destinyMembershipId}/",
				List.of(100, 299), "profile.data.userInfo.displayName", "characters.data{}.light");
		BungieEndpoint wrongBody = BungieEndpoint.post("/Destiny2/Actions/Items/EquipItem/", "itemId", "itemInstanceId");

		assertThat(problems(invented)).anyMatch(problem -> problem.contains("no such path"));
		assertThat(problems(wrongField)).containsExactly("jsonWorldTablePaths{}: no 'jsonWorldTablePaths'",
				"mobileWorldContentPaths{}.en: 'en' is not a property of a dictionary value");
		assertThat(problems(wrongComponent)).containsExactly("component 299 is not a DestinyComponentType",
				"characters.data{}.light needs component Characters (200), not requested");
		assertThat(problems(wrongBody)).containsExactly("request field 'itemInstanceId' is not in the request schema");
	}

	/** The simulated Bungie.net (the demo's, the tests') answers in Bungie's envelope with Bungie's error codes. */
	@Test
	void theSimulatedBungieAnswersWithBungiesEnvelopeAndErrorCodes() {
		Map<String, Integer> codes = new HashMap<>();
		for (JsonNode value : SPEC.at("/components/schemas/Exceptions.PlatformErrorCodes/x-enum-values")) {
			codes.put(value.path("identifier").asString(), Integer.parseInt(value.path("numericValue").asString()));
		}
		for (PlatformError error : PlatformError.values()) {
			assertThat(codes).as(error.name()).containsEntry(error.status(), error.code());
		}
		assertThat(codes).containsEntry("Success", BungieException.SUCCESS);

		JsonNode envelope = SPEC.at("/components/responses/int32/content/application~1json/schema/properties");
		assertThat(envelope.propertyNames()).containsAll(Envelope.success(IntNode.valueOf(0)).propertyNames())
			.containsAll(PlatformError.ITEM_NOT_FOUND.envelope().propertyNames());
	}

	/** A Platform path written anywhere else is a call the specification check cannot see. */
	@Test
	void platformPathsAreWrittenOnlyInBungieEndpoints() throws IOException {
		Pattern literal = Pattern.compile("\"/(Destiny2|User|App|GroupV2|Platform)/[^\"]*\"");
		List<String> elsewhere = new ArrayList<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				if (file.endsWith(Path.of("dev/tower/destiny/bungie/BungieEndpoints.java"))) {
					continue;
				}
				List<String> lines = Files.readAllLines(file);
				for (int i = 0; i < lines.size(); i++) {
					Matcher matcher = literal.matcher(lines.get(i));
					while (matcher.find()) {
						elsewhere.add(file + ":" + (i + 1) + " " + matcher.group());
					}
				}
			}
		}
		assertThat(elsewhere).as("declare these calls in BungieEndpoints and build them with BungieEndpoint.path").isEmpty();
	}

	// --- the checks

	static List<String> problems(BungieEndpoint endpoint) {
		List<String> problems = new ArrayList<>();
		JsonNode operation = operation(endpoint);
		if (operation.isMissingNode()) {
			problems.add("no such path and method in openapi.json");
			return problems;
		}
		Set<String> query = new HashSet<>();
		Set<String> pathVariables = new HashSet<>();
		for (JsonNode parameter : operation.path("parameters")) {
			(parameter.path("in").asString().equals("query") ? query : pathVariables).add(parameter.path("name").asString());
		}
		endpoint.queryParameters().stream().filter(q -> !query.contains(q))
			.forEach(q -> problems.add("query parameter '" + q + "' is not declared"));
		if (!pathVariables.equals(Set.copyOf(endpoint.variables()))) {
			problems.add("path variables " + endpoint.variables() + " are not the spec's " + pathVariables);
		}
		Map<String, Integer> components = components();
		endpoint.components().stream().filter(c -> !components.containsValue(c))
			.forEach(c -> problems.add("component " + c + " is not a DestinyComponentType"));
		JsonNode request = operation.at("/requestBody/content/application~1json/schema");
		for (String field : endpoint.requestFields()) {
			if (property(request, field) == null) {
				problems.add("request field '" + field + "' is not in the request schema");
			}
		}
		JsonNode response = resolve(operation.at("/responses/200")).at("/content/application~1json/schema/properties/Response");
		for (String field : endpoint.responseFields()) {
			checkField(endpoint, response, field, components, problems);
		}
		return problems;
	}

	private static JsonNode operation(BungieEndpoint endpoint) {
		return SPEC.path("paths").path(endpoint.template()).path(endpoint.method().toLowerCase());
	}

	/** Walks {@code field} (a.b, a[], a{}) down from {@code schema}, noting the components it depends on. */
	private static void checkField(BungieEndpoint endpoint, JsonNode schema, String field, Map<String, Integer> components,
			List<String> problems) {
		Matcher step = Pattern.compile("([A-Za-z0-9_]*)((?:\\[]|\\{})*)").matcher("");
		Set<String> needs = new HashSet<>();
		JsonNode current = schema;
		String where = "Response";
		for (String segment : field.split("\\.")) {
			if (!step.reset(segment).matches()) {
				problems.add(field + ": cannot read '" + segment + "'");
				return;
			}
			if (!step.group(1).isEmpty()) {
				JsonNode next = property(current, step.group(1));
				if (next == null) {
					problems.add(field + ": " + (where.equals("a dictionary value") || where.equals("an array element")
							? "'" + step.group(1) + "' is not a property of " + where : "no '" + step.group(1) + "'"));
					return;
				}
				current = depends(next, needs);
				where = step.group(1);
			}
			for (int i = 0; i < step.group(2).length(); i += 2) {
				JsonNode resolved = resolve(current);
				boolean array = step.group(2).charAt(i) == '[';
				JsonNode inner = array ? resolved.path("items") : resolved.path("additionalProperties");
				if (inner.isMissingNode()) {
					problems.add(field + ": '" + where + "' is not " + (array ? "an array" : "a dictionary"));
					return;
				}
				current = depends(inner, needs);
				where = array ? "an array element" : "a dictionary value";
			}
			// Going into a plain value's property is caught on the next step: a value has no properties.
		}
		for (String component : needs) {
			Integer number = components.get(component);
			if (number == null || !endpoint.components().contains(number)) {
				problems.add(field + " needs component " + component + " (" + number + "), not requested");
			}
		}
	}

	/** The schema {@code node} is, after $ref; notes any component it depends on. */
	private static JsonNode depends(JsonNode node, Set<String> needs) {
		JsonNode dependency = node.path("x-destiny-component-type-dependency");
		if (dependency.isString()) {
			needs.add(dependency.asString());
		}
		return node;
	}

	/** The property {@code name} of {@code schema}, looking through $ref and allOf; null when it has none. */
	private static JsonNode property(JsonNode schema, String name) {
		JsonNode resolved = resolve(schema);
		JsonNode property = resolved.path("properties").path(name);
		if (!property.isMissingNode()) {
			return property;
		}
		for (JsonNode part : resolved.path("allOf")) {
			JsonNode found = property(part, name);
			if (found != null) {
				return found;
			}
		}
		return null;
	}

	private static JsonNode resolve(JsonNode schema) {
		JsonNode current = schema;
		for (int hops = 0; current.has("$ref") && hops < 20; hops++) {
			current = SPEC.at(current.path("$ref").asString().substring(1));
		}
		if (current.path("allOf").size() == 1 && !current.has("properties")) {
			return resolve(current.path("allOf").get(0));
		}
		return current;
	}

	private static Map<String, Integer> components() {
		Map<String, Integer> components = new HashMap<>();
		for (JsonNode value : SPEC.at("/components/schemas/Destiny.DestinyComponentType/x-enum-values")) {
			components.put(value.path("identifier").asString(), Integer.parseInt(value.path("numericValue").asString()));
		}
		return components;
	}

	private static JsonNode load() {
		try (InputStream in = BungieSpecConformanceTests.class.getResourceAsStream("/bungie/openapi.json")) {
			return JsonMapper.builder().build().readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
