package dev.tower.results.failures;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a failure's likely cause looks like once the parts that change from run to run are taken out: its type,
 * its message with numbers, ids, timestamps, temporary paths, addresses and quoted values masked, and the top
 * frames of its stack that belong to the code, not to the test framework or the assertion library. Failures with
 * the same fingerprint are one group.
 *
 * @param hash a 64-bit digest of the rest, the group's identity
 * @param type the failure type ("" when none is known)
 * @param message the masked message, at most {@value #MAX_MESSAGE} characters
 * @param frames the top frames, newline-separated ("" when the trace has none)
 */
public record Fingerprint(long hash, String type, String message, String frames) {

	static final int MAX_MESSAGE = 1000;

	/**
	 * One frame: where the failure was raised. A second would be its caller, often the test itself, and would split
	 * one cause into a group per test.
	 */
	static final int TOP_FRAMES = 1;

	/** Messages that say only that something failed (go-junit-report writes "Failed"): the trace says more. */
	private static final Pattern EMPTY_MESSAGE = Pattern.compile("(?i)(?:failed|failure|error)?");

	/** Masks, in order: the earlier ones would be cut apart by the later ones. */
	private static final List<Mask> MASKS = List.of(
			new Mask("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", "<uuid>"),
			new Mask("\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?"
					+ "|\\b\\d{1,2}:\\d{2}:\\d{2}(?:[.,]\\d+)?", "<time>"),
			new Mask("(?:[A-Za-z]:\\\\Users\\\\[^\\\\\\s]+\\\\AppData\\\\Local\\\\Temp|/private/var/folders|/var/folders"
					+ "|/tmp|/var/tmp|[A-Za-z]:\\\\(?:Windows\\\\)?Temp)(?:[\\\\/][^\\s'\"<>:,;)\\]]*)?", "<tmp>"),
			new Mask("'[^'\\n]*'", "'<v>'"),
			new Mask("\"[^\"\\n]*\"", "\"<v>\""),
			new Mask("\\b(?:localhost|\\d{1,3}(?:\\.\\d{1,3}){3}|\\[[0-9a-fA-F:]+\\]|[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+)"
					+ "(?<!\\.(?:go|java|kt|scala|groovy|py|js|jsx|ts|tsx|cs|rb|rs|c|cc|cpp|h|php)):\\d{1,5}\\b", "<host:port>"),
			new Mask("\\b0x[0-9a-fA-F]+\\b|(?<=@)[0-9a-fA-F]+\\b|\\b(?=[0-9a-fA-F]*\\d)(?=[0-9a-fA-F]*[a-fA-F])[0-9a-fA-F]{6,}\\b",
					"<hex>"),
			new Mask("\\d+(?:\\.\\d+)?", "<n>"),
			new Mask("\\s+", " "));

	/** Frames of test frameworks, assertion libraries, runners and reflection, in every language's spelling. */
	private static final Pattern FRAMEWORK = Pattern.compile("""
			^(?:org\\.junit\\.|junit\\.framework\\.|org\\.opentest4j\\.|org\\.assertj\\.|org\\.hamcrest\\.|\
			org\\.testng\\.|org\\.mockito\\.|org\\.spockframework\\.|kotlin\\.test\\.|com\\.google\\.common\\.truth\\.|\
			org\\.apache\\.maven\\.surefire\\.|org\\.gradle\\.|org\\.springframework\\.test\\.|\
			sun\\.reflect\\.|jdk\\.internal\\.|java\\.lang\\.reflect\\.|java\\.lang\\.Thread\\.|\
			java\\.util\\.ArrayList\\.forEach|java\\.util\\.stream\\.|\
			testing\\.|runtime\\.|panic\\(|\
			NUnit\\.|Xunit\\.|xunit\\.|Microsoft\\.VisualStudio\\.TestPlatform|System\\.Reflection\\.|\
			System\\.RuntimeMethodHandle|System\\.Runtime\\.|\
			node:|internal/|processTicksAndRejections|new Promise|Promise\\.then)\
			|(?:^|[\\s/\\\\(])(?:_pytest|pluggy|unittest|node_modules|jest-circus|jest-jasmine\\d*)[/\\\\.]\
			|testing/testing\\.go|/src/testing/|/src/runtime/""");

	/** Java, Kotlin, .NET and JavaScript: "at name(location)", "at name (location)", "at location". */
	private static final Pattern AT_FRAME = Pattern.compile("^\\s*at\\s+(?:async\\s+)?([^\\s(]+(?:\\s\\[[^]]*])?)"
			+ "(?:\\s*\\((.*)\\))?(?:\\s+in\\s+(.*))?\\s*$");

	/** Python's traceback ({@code File "x.py", line 3, in f}) and pytest's ({@code x.py:3: in f}). */
	private static final Pattern PYTHON_FRAME = Pattern.compile(
			"^\\s*File \"([^\"]+)\", line \\d+, in (\\S+)|^(\\S+\\.py):\\d+:(?: in (\\S+))?");

	/** Go: a function line of a goroutine's stack, or a "file_test.go:12:" line of t.Error's output. */
	private static final Pattern GO_FRAME = Pattern.compile(
			"^([\\w.\\-/]+\\.(?:\\(\\*?\\w+\\)\\.)?[\\w.]+)\\(.*\\)$|^\\s*([\\w\\-]+\\.go):\\d+:");

	/** A type written at the head of a trace or message: "java.lang.IllegalStateException: …". */
	private static final Pattern LEADING_TYPE = Pattern.compile(
			"^((?:[A-Za-z_][\\w.$]*)?(?:Error|Exception|Failure|Failed|Fault|Panic)|panic):?(?:\\s+(.*))?$");

	private static final Pattern JVM_LOCATION = Pattern.compile(
			"[\\w$]+\\.(?:java|kt|scala|groovy|clj):\\d+|Native Method|Unknown Source|[\\w$.]+\\.java");

	/** "java.base/", "jdk.internal.vm@17/" or a class loader's "app//" before a Java class name. */
	private static final Pattern JVM_MODULE = Pattern.compile("^(?:[\\w-]+\\.[\\w.-]*(?:@[\\w.-]*)?/|[\\w.-]*//)");

	private static final Pattern GENERATED_NUMBER = Pattern.compile("(?<=[$]|Accessor|Proxy)\\d+|/0x[0-9a-fA-F]+");

	private static final Pattern LINE_AND_COLUMN = Pattern.compile("(?::(?:line )?\\d+)+$");

	/** The fingerprint of one failure; every argument may be null. */
	public static Fingerprint of(String type, String message, String trace) {
		String kind = type == null ? "" : type.strip();
		String text = message == null || EMPTY_MESSAGE.matcher(message.strip()).matches() ? "" : message.strip();
		String firstLine = firstLine(trace);
		if (text.isEmpty() || kind.isEmpty()) {
			Matcher leading = LEADING_TYPE.matcher(text.isEmpty() ? firstLine : firstLine(text));
			if (leading.matches()) {
				kind = kind.isEmpty() ? leading.group(1) : kind;
				text = text.isEmpty() ? (leading.group(2) == null ? "" : leading.group(2)) : text;
			}
			else if (text.isEmpty()) {
				text = firstLine;
			}
		}
		String masked = mask(text);
		if (masked.length() > MAX_MESSAGE) {
			masked = masked.substring(0, MAX_MESSAGE);
		}
		String frames = String.join("\n", topFrames(trace));
		return new Fingerprint(digest(kind, masked, frames), clip(kind, 1000), masked, frames);
	}

	/** The message with its volatile parts masked and its whitespace folded. */
	static String mask(String text) {
		String masked = text;
		for (Mask mask : MASKS) {
			masked = mask.pattern.matcher(masked).replaceAll(mask.replacement);
		}
		return masked.strip();
	}

	/**
	 * The innermost frames of the trace that are not the framework's, without line numbers: the first ones before
	 * any "Caused by", but the last ones of a Python traceback, which lists the innermost call last.
	 */
	static List<String> topFrames(String trace) {
		List<String> frames = new ArrayList<>();
		if (trace == null) {
			return frames;
		}
		boolean python = false;
		for (String line : trace.split("\\R")) {
			if (line.startsWith("Caused by:") || !python && frames.size() == TOP_FRAMES) {
				break;
			}
			String frame = frame(line);
			if (frame != null) {
				python |= PYTHON_FRAME.matcher(line).find();
				frames.add(frame);
			}
		}
		return python ? new ArrayList<>(frames.subList(Math.max(0, frames.size() - TOP_FRAMES), frames.size()))
				: frames;
	}

	/** A line's frame without line numbers, or null when it is none or the framework's. */
	private static String frame(String line) {
		Matcher at = AT_FRAME.matcher(line);
		if (at.matches()) {
			String name = at.group(1);
			String location = at.group(2) != null && !at.group(2).isBlank() ? at.group(2) : at.group(3);
			if (framework(name) || location != null && framework(location)) {
				return null;
			}
			if (location == null && (name.contains("/") || name.contains("\\"))) {
				return file(name); // a JavaScript frame without a function: "at /src/cart.test.js:3:9"
			}
			// Java's "(Cart.java:12)" says nothing the class name does not; JavaScript's file does
			if (location == null || JVM_LOCATION.matcher(location).matches()) {
				return masked(withoutModule(name));
			}
			return masked(name) + " " + file(location);
		}
		Matcher python = PYTHON_FRAME.matcher(line);
		if (python.find()) {
			String path = python.group(1) != null ? python.group(1) : python.group(3);
			String function = python.group(1) != null ? python.group(2) : python.group(4);
			return framework(path) ? null : file(path) + (function == null ? "" : " " + function);
		}
		Matcher go = GO_FRAME.matcher(line);
		if (go.find()) {
			String name = go.group(1) != null ? go.group(1) : go.group(2);
			return framework(name) ? null : name;
		}
		return null;
	}

	/** Java frames may name a module or class loader first ("java.base/", "app//"), which says nothing here. */
	private static boolean framework(String text) {
		return FRAMEWORK.matcher(withoutModule(text)).find();
	}

	private static String withoutModule(String name) {
		return JVM_MODULE.matcher(name).replaceFirst("");
	}

	/** A path's last part without line and column: machines check out to different places. */
	private static String file(String location) {
		String path = LINE_AND_COLUMN.matcher(location.strip()).replaceAll("");
		int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
		return slash < 0 ? path : path.substring(slash + 1);
	}

	/** Generated names (lambda$run$0, $Proxy12, GeneratedMethodAccessor7) differ only in their numbers. */
	private static String masked(String name) {
		return GENERATED_NUMBER.matcher(name).replaceAll("<n>");
	}

	private static String firstLine(String text) {
		if (text == null) {
			return "";
		}
		String stripped = text.strip();
		int end = stripped.indexOf('\n');
		return (end < 0 ? stripped : stripped.substring(0, end)).strip();
	}

	private static long digest(String type, String message, String frames) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			sha.update((type + '\0' + message + '\0' + frames).getBytes(StandardCharsets.UTF_8));
			return ByteBuffer.wrap(sha.digest()).getLong();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	}

	private static String clip(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max);
	}

	/** The group's identity as it appears in addresses: 16 hex digits. */
	public String id() {
		return hex(hash);
	}

	public static String hex(long hash) {
		return String.format("%016x", hash);
	}

	private record Mask(Pattern pattern, String replacement) {

		Mask(String regex, String replacement) {
			this(Pattern.compile(regex), replacement);
		}

	}

}
