package dev.tower.destiny.bungie;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One Platform call Tower makes, as Bungie's specification names it: the method, the path template (after
 * {@code /Platform}), the query parameters and Destiny components Tower sends, the request fields it writes and
 * the response fields it reads. {@code BungieSpecConformanceTests} checks every one of them against
 * {@code openapi.json}, so a call or a field that Bungie does not have fails the build.
 *
 * <p>Field paths go down from the envelope's {@code Response}: {@code a.b} for a property, {@code a[]} for the
 * elements of an array, {@code a{}} for the values of a dictionary (e.g. {@code characters.data{}.light}).
 *
 * @param method GET or POST
 * @param template e.g. {@code /Destiny2/{membershipType}/Profile/{destinyMembershipId}/}
 * @param components the {@code DestinyComponentType} numbers sent as {@code ?components=}, or none
 * @param requestFields the JSON body's fields Tower sends (POST)
 * @param responseFields the fields Tower reads from {@code Response}
 */
public record BungieEndpoint(String method, String template, List<Integer> components, List<String> requestFields,
		List<String> responseFields) {

	private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z]+)}");

	private static final Pattern NUMBER = Pattern.compile("[0-9]{1,20}");

	public BungieEndpoint {
		if (!method.equals("GET") && !method.equals("POST")) {
			throw new IllegalArgumentException("Bungie's Platform calls are GET or POST, not " + method);
		}
		if (!template.startsWith("/") || !template.endsWith("/")) {
			throw new IllegalArgumentException("a Platform path starts and ends with a slash: " + template);
		}
		components = List.copyOf(components);
		requestFields = List.copyOf(requestFields);
		responseFields = List.copyOf(responseFields);
	}

	/** A GET of {@code template} with {@code components}, reading {@code responseFields}. */
	public static BungieEndpoint get(String template, List<Integer> components, String... responseFields) {
		return new BungieEndpoint("GET", template, components, List.of(), List.of(responseFields));
	}

	/** A POST of {@code template} with a body of {@code requestFields}. */
	public static BungieEndpoint post(String template, String... requestFields) {
		return new BungieEndpoint("POST", template, List.of(), List.of(requestFields), List.of());
	}

	/** The query parameters Tower sends. */
	public List<String> queryParameters() {
		return components.isEmpty() ? List.of() : List.of("components");
	}

	/** The template's variables, in order. */
	public List<String> variables() {
		return VARIABLE.matcher(template).results().map(match -> match.group(1)).toList();
	}

	/**
	 * The path to pass to {@link BungieClient}: the template with {@code values} in order, and the components.
	 * Every value must be a number (Bungie's ids, hashes and membership types all are), so nothing a visitor typed
	 * can change which call is made.
	 */
	public String path(Object... values) {
		List<String> variables = variables();
		if (values.length != variables.size()) {
			throw new IllegalArgumentException(template + " takes " + variables + ", got " + values.length + " values");
		}
		Matcher matcher = VARIABLE.matcher(template);
		StringBuilder path = new StringBuilder();
		int index = 0;
		while (matcher.find()) {
			String value = String.valueOf(values[index++]);
			if (!NUMBER.matcher(value).matches()) {
				throw new IllegalArgumentException(matcher.group(1) + " must be a number, not '" + value + "'");
			}
			matcher.appendReplacement(path, value);
		}
		matcher.appendTail(path);
		if (!components.isEmpty()) {
			path.append("?components=").append(components.stream().map(String::valueOf).collect(Collectors.joining(",")));
		}
		return path.toString();
	}

}
