package dev.tower.results;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Realistic Surefire reports for the ingestion benchmark: per suite a dozen properties, then cases of which about
 * 2 % fail with a message and a 20–40 line stack trace, 0.5 % error, 3 % are skipped, 0.3 % passed on a rerun, and
 * 10 % printed a few lines. Deterministic for a seed; another seed gives other content (Tower skips files it has
 * seen, so each benchmark round needs its own).
 *
 * <pre>
 * ReportGenerator tree DIR FILES CASES_PER_FILE SEED    # DIR/host-N/TEST-….xml
 * ReportGenerator single FILE MEGABYTES SEED            # one report of about that size
 * </pre>
 */
public final class ReportGenerator {

	private static final String[] AREAS = { "cart", "checkout", "search", "payment", "account", "catalog", "shipping",
			"inventory", "pricing", "review" };

	private final SplittableRandom random;

	private long cases;

	private ReportGenerator(long seed) {
		this.random = new SplittableRandom(seed);
	}

	public static void main(String[] args) throws IOException {
		Locale.setDefault(Locale.ROOT);
		long seed = Long.parseLong(args[args.length - 1]);
		ReportGenerator generator = new ReportGenerator(seed);
		if (args[0].equals("tree")) {
			Path dir = Path.of(args[1]);
			int files = Integer.parseInt(args[2]);
			int perFile = Integer.parseInt(args[3]);
			for (int f = 0; f < files; f++) {
				Path file = dir.resolve("host-" + (f % 4 + 1)).resolve("TEST-com.acme." + AREAS[f % AREAS.length] + ".Suite" + f + "Test.xml");
				Files.createDirectories(file.getParent());
				try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
					generator.report(out, "com.acme." + AREAS[f % AREAS.length] + ".Suite" + f + "Test", perFile, seed);
				}
			}
		}
		else {
			long bytes = Long.parseLong(args[2]) << 20;
			Path file = Path.of(args[1]);
			try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
				out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"big\">\n");
				for (int suite = 0; Files.size(file) < bytes; suite++) {
					generator.suite(out, "com.acme." + AREAS[suite % AREAS.length] + ".Big" + suite + "Test", 1000, seed);
					out.flush();
				}
				out.write("</testsuites>\n");
			}
		}
		System.out.println(generator.cases);
	}

	private void report(Writer out, String suite, int perFile, long seed) throws IOException {
		out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
		suite(out, suite, perFile, seed);
	}

	private void suite(Writer out, String suite, int count, long seed) throws IOException {
		out.write("<testsuite xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" name=\"" + suite + "\" time=\""
				+ count * 0.05 + "\" tests=\"" + count + "\" errors=\"0\" skipped=\"0\" failures=\"0\" timestamp=\"2026-11-"
				+ (10 + seed % 18) + "T02:00:00\">\n  <properties>\n");
		for (String[] property : new String[][] { { "java.version", "17.0.15" }, { "os.name", "Linux" },
				{ "user.name", "ci" }, { "file.encoding", "UTF-8" }, { "java.vendor", "Debian" }, { "maven.version", "3.9.16" },
				{ "surefire.version", "3.5.2" }, { "basedir", "/builds/shop" }, { "seed", Long.toString(seed) },
				{ "line.separator", "&#10;" }, { "sun.arch.data.model", "64" }, { "os.arch", "amd64" } }) {
			out.write("    <property name=\"" + property[0] + "\" value=\"" + property[1] + "\"/>\n");
		}
		out.write("  </properties>\n");
		for (int i = 0; i < count; i++) {
			testCase(out, suite, i);
		}
		out.write("</testsuite>\n");
	}

	private void testCase(Writer out, String suite, int i) throws IOException {
		cases++;
		int dice = random.nextInt(1000);
		String name = "should" + AREAS[random.nextInt(AREAS.length)] + "Case" + i;
		out.write("  <testcase name=\"" + name + "\" classname=\"" + suite + "\" time=\""
				+ String.format("%.3f", random.nextDouble() * (dice < 50 ? 2.0 : 0.08)) + "\"");
		if (dice < 20) {
			out.write(">\n    <failure message=\"expected: &lt;" + i + "&gt; but was: &lt;" + (i + 1)
					+ "&gt;\" type=\"org.opentest4j.AssertionFailedError\"><![CDATA[");
			trace(out, "org.opentest4j.AssertionFailedError: expected: <" + i + "> but was: <" + (i + 1) + ">", suite, name);
			out.write("]]></failure>\n  </testcase>\n");
		}
		else if (dice < 25) {
			out.write(">\n    <error message=\"Connection refused\" type=\"java.net.ConnectException\"><![CDATA[");
			trace(out, "java.net.ConnectException: Connection refused", suite, name);
			out.write("]]></error>\n  </testcase>\n");
		}
		else if (dice < 55) {
			out.write(">\n    <skipped message=\"needs the sandbox\"/>\n  </testcase>\n");
		}
		else if (dice < 58) {
			out.write(">\n    <flakyFailure message=\"Read timed out\" type=\"java.net.SocketTimeoutException\"><stackTrace><![CDATA[");
			trace(out, "java.net.SocketTimeoutException: Read timed out", suite, name);
			out.write("]]></stackTrace></flakyFailure>\n  </testcase>\n");
		}
		else if (dice < 158) {
			out.write(">\n    <system-out><![CDATA[2026-11-24 02:00:01 INFO  starting " + name
					+ "\n2026-11-24 02:00:01 DEBUG fixture loaded in 12 ms\n2026-11-24 02:00:01 INFO  done\n]]></system-out>\n  </testcase>\n");
		}
		else {
			out.write("/>\n");
		}
	}

	private void trace(Writer out, String first, String suite, String name) throws IOException {
		out.write(first + "\n\tat " + suite + "." + name + "(" + suite.substring(suite.lastIndexOf('.') + 1) + ".java:"
				+ (20 + random.nextInt(400)) + ")\n");
		int lines = 20 + random.nextInt(21);
		for (int l = 0; l < lines; l++) {
			out.write("\tat org.junit.platform.engine.support.hierarchical.NodeTestTask.executeRecursively(NodeTestTask.java:"
					+ (100 + l) + ")\n");
		}
	}

}
