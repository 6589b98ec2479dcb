package dev.tower.results;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Realistic Surefire reports for the ingestion benchmark: per suite a dozen properties, then cases of which about
 * 2 % fail with a message and a 20–40 line stack trace, 0.5 % error, 3 % are skipped, 0.3 % passed on a rerun, and
 * 10 % printed a few lines. Deterministic for a seed; another seed gives other content (Tower skips files it has
 * seen, so each benchmark round needs its own).
 * <p>
 * {@code history} writes what a CI farm sends over weeks instead: RUNS runs of the same suite of CLASSES test classes
 * with CASES tests each, so every test has a long history. Runs are nightly (02:00 UTC every day of the last DAYS
 * days up to END) and per-commit (the rest, evenly spread over the window); a nightly tests the latest commit, so
 * it shares its user tag with that commit's run. Each class always runs on the same of 4 hosts. Per test, fixed by
 * the seed: 0.3 % are flaky (fail 20 % of runs, half of those passed on a Surefire rerun), 0.2 % fail for a
 * stretch of 3–15 consecutive runs, 3 % are skipped, the rest pass but for a 1-in-20,000 blip; durations are per
 * test (mostly milliseconds, 1 % take seconds) with ±20 % noise per run; 10 % of the tests print a few lines.
 *
 * <pre>
 * ReportGenerator tree DIR FILES CASES_PER_FILE SEED    # DIR/host-N/TEST-….xml
 * ReportGenerator single FILE MEGABYTES SEED            # one report of about that size
 * ReportGenerator history DIR RUNS CLASSES CASES DAYS END_EPOCH_S SEED
 *     # DIR/run-NNNN/host-N/TEST-….xml and DIR/schedule.json for tower ingest --schedule-file
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
		if (args[0].equals("history")) {
			generator.history(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
					Integer.parseInt(args[4]), Integer.parseInt(args[5]), Instant.ofEpochSecond(Long.parseLong(args[6])), seed);
		}
		else if (args[0].equals("tree")) {
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

	private record Run(Instant at, boolean nightly, String code) {
	}

	private void history(Path dir, int runs, int classes, int perClass, int days, Instant end, long seed) throws IOException {
		List<Run> schedule = schedule(runs, days, end);
		StringBuilder json = new StringBuilder("[\n");
		for (int r = 0; r < schedule.size(); r++) {
			Run run = schedule.get(r);
			String name = run.nightly() ? "nightly-" + LocalDate.ofInstant(run.at(), ZoneOffset.UTC) : run.code() + "-" + r;
			for (int host = 1; host <= 4; host++) {
				json.append(String.format("  {\"RUN_DIR\": \"run-%04d/host-%d\", \"RUN_NAME\": \"%s\", \"OWNER\": \"ci\", "
						+ "\"SITE\": \"bench\", \"HOST_MACHINE\": \"host-%d\", \"run_tag\": \"%s\", \"user_tag\": \"%s\"}%s%n",
						r, host, name, host, run.nightly() ? "nightly" : "commit", run.code(),
						r == schedule.size() - 1 && host == 4 ? "" : ","));
			}
		}
		// runs are independent (each file has its own random source), so they are written on all cores
		ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors() * 2);
		List<Future<?>> written = new ArrayList<>();
		for (int r = 0; r < schedule.size(); r++) {
			int index = r;
			written.add(pool.submit(() -> {
				for (int c = 0; c < classes; c++) {
					String suite = "com.acme." + AREAS[c % AREAS.length] + ".Suite" + c + "Test";
					Path file = dir.resolve(String.format("run-%04d/host-%d/TEST-%s.xml", index, c % 4 + 1, suite));
					Files.createDirectories(file.getParent());
					try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
						historySuite(out, suite, c, perClass, index, runs, schedule.get(index).at().plusSeconds(c / 4), seed);
					}
				}
				return null;
			}));
		}
		pool.shutdown();
		for (Future<?> run : written) {
			try {
				run.get();
			}
			catch (InterruptedException | ExecutionException ex) {
				throw new IOException(ex);
			}
		}
		cases = (long) runs * classes * perClass;
		Files.writeString(dir.resolve("schedule.json"), json.append("]\n"));
	}

	/** A nightly at 02:00 on each day of the window that has begun, per-commit runs evenly between; oldest first. */
	private static List<Run> schedule(int runs, int days, Instant end) {
		Instant first = LocalDate.ofInstant(end, ZoneOffset.UTC).minusDays(days - 1L).atStartOfDay(ZoneOffset.UTC).toInstant();
		List<Instant> nightlies = new ArrayList<>();
		for (int d = 0; d < days; d++) {
			Instant at = first.plus(d, ChronoUnit.DAYS).plus(2, ChronoUnit.HOURS);
			if (at.isBefore(end)) {
				nightlies.add(at);
			}
		}
		nightlies = nightlies.subList(Math.max(0, nightlies.size() - runs), nightlies.size());
		int commits = runs - nightlies.size();
		long span = end.getEpochSecond() - first.getEpochSecond();
		List<Run> schedule = new ArrayList<>();
		for (int j = 0; j < commits; j++) {
			schedule.add(new Run(first.plusSeconds((long) ((j + 0.5) * span / commits)), false, String.format("commit-%07x", (j * 0x9E3779B1L) & 0xFFFFFFFL)));
		}
		String latest = "commit-base";
		int next = 0;
		schedule.sort((a, b) -> a.at().compareTo(b.at()));
		List<Run> all = new ArrayList<>();
		for (Instant nightly : nightlies) {
			while (next < schedule.size() && schedule.get(next).at().isBefore(nightly)) {
				latest = schedule.get(next).code();
				all.add(schedule.get(next++));
			}
			all.add(new Run(nightly, true, latest));
		}
		all.addAll(schedule.subList(next, schedule.size()));
		return all;
	}

	private static void historySuite(Writer out, String suite, int c, int count, int r, int runs, Instant at, long seed) throws IOException {
		SplittableRandom run = new SplittableRandom(seed * 1_000_003L + r * 7919L + c);
		double[] seconds = new double[count];
		long[] traits = new long[count];
		double total = 0;
		for (int i = 0; i < count; i++) {
			traits[i] = new SplittableRandom(seed ^ ((long) c << 20 | i)).nextLong() >>> 1;
			double base = traits[i] % 100 == 0 ? 1 + traits[i] / 100 % 7000 / 1000.0 : 0.001 + Math.pow(traits[i] / 100 % 1000 / 1000.0, 3) * 0.2;
			seconds[i] = base * (0.8 + 0.4 * run.nextDouble());
			total += seconds[i];
		}
		out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
		suiteStart(out, suite, seconds(total), count, DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(at.atOffset(ZoneOffset.UTC)), seed);
		for (int i = 0; i < count; i++) {
			long kind = traits[i] % 10_000;
			String name = "should" + AREAS[(int) (traits[i] / 10_000 % AREAS.length)] + "Case" + i;
			out.write("  <testcase name=\"" + name + "\" classname=\"" + suite + "\" time=\"" + seconds(seconds[i]) + "\"");
			long stretch = traits[i] / 10_000_000 % runs;
			if (kind < 30 && run.nextInt(10) < 2) {
				if (run.nextBoolean()) {
					out.write(">\n    <flakyFailure message=\"Read timed out\" type=\"java.net.SocketTimeoutException\"><stackTrace><![CDATA[");
					trace(out, run, "java.net.SocketTimeoutException: Read timed out", suite, name);
					out.write("]]></stackTrace></flakyFailure>\n  </testcase>\n");
				}
				else {
					failure(out, run, "failure", "Read timed out", "java.net.SocketTimeoutException", suite, name);
				}
			}
			else if (kind >= 30 && kind < 50 && r >= stretch && r < stretch + 3 + traits[i] / 1000 % 13) {
				if (kind % 2 == 0) {
					failure(out, run, "failure", "expected: &lt;200&gt; but was: &lt;500&gt;", "org.opentest4j.AssertionFailedError", suite, name);
				}
				else {
					failure(out, run, "error", "Connection refused", "java.net.ConnectException", suite, name);
				}
			}
			else if (kind >= 50 && kind < 350) {
				out.write(">\n    <skipped message=\"needs the sandbox\"/>\n  </testcase>\n");
			}
			else if (run.nextInt(20_000) == 0) {
				failure(out, run, "failure", "Unexpected end of stream", "java.io.EOFException", suite, name);
			}
			else if (traits[i] / 7 % 10 == 0) {
				out.write(">\n    <system-out><![CDATA[" + at + " INFO  starting " + name
						+ "\n" + at + " DEBUG fixture loaded in 12 ms\n" + at + " INFO  done\n]]></system-out>\n  </testcase>\n");
			}
			else {
				out.write("/>\n");
			}
		}
		out.write("</testsuite>\n");
	}

	private static void failure(Writer out, SplittableRandom random, String element, String message, String type, String suite,
			String name) throws IOException {
		out.write(">\n    <" + element + " message=\"" + message + "\" type=\"" + type + "\"><![CDATA[");
		trace(out, random, type + ": " + message.replace("&lt;", "<").replace("&gt;", ">"), suite, name);
		out.write("]]></" + element + ">\n  </testcase>\n");
	}

	private void report(Writer out, String suite, int perFile, long seed) throws IOException {
		out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
		suite(out, suite, perFile, seed);
	}

	private void suite(Writer out, String suite, int count, long seed) throws IOException {
		suiteStart(out, suite, seconds(count * 0.05), count, "2026-11-" + (10 + seed % 18) + "T02:00:00", seed);
		for (int i = 0; i < count; i++) {
			testCase(out, suite, i);
		}
		out.write("</testsuite>\n");
	}

	private static void suiteStart(Writer out, String suite, String seconds, int count, String timestamp, long seed) throws IOException {
		out.write("<testsuite xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" name=\"" + suite + "\" time=\""
				+ seconds + "\" tests=\"" + count + "\" errors=\"0\" skipped=\"0\" failures=\"0\" timestamp=\""
				+ timestamp + "\">\n  <properties>\n");
		for (String[] property : new String[][] { { "java.version", "17.0.15" }, { "os.name", "Linux" },
				{ "user.name", "ci" }, { "file.encoding", "UTF-8" }, { "java.vendor", "Debian" }, { "maven.version", "3.9.16" },
				{ "surefire.version", "3.5.2" }, { "basedir", "/builds/shop" }, { "seed", Long.toString(seed) },
				{ "line.separator", "&#10;" }, { "sun.arch.data.model", "64" }, { "os.arch", "amd64" } }) {
			out.write("    <property name=\"" + property[0] + "\" value=\"" + property[1] + "\"/>\n");
		}
		out.write("  </properties>\n");
	}

	private void testCase(Writer out, String suite, int i) throws IOException {
		cases++;
		int dice = random.nextInt(1000);
		String name = "should" + AREAS[random.nextInt(AREAS.length)] + "Case" + i;
		out.write("  <testcase name=\"" + name + "\" classname=\"" + suite + "\" time=\""
				+ seconds(random.nextDouble() * (dice < 50 ? 2.0 : 0.08)) + "\"");
		if (dice < 20) {
			failure(out, random, "failure", "expected: &lt;" + i + "&gt; but was: &lt;" + (i + 1) + "&gt;",
					"org.opentest4j.AssertionFailedError", suite, name);
		}
		else if (dice < 25) {
			failure(out, random, "error", "Connection refused", "java.net.ConnectException", suite, name);
		}
		else if (dice < 55) {
			out.write(">\n    <skipped message=\"needs the sandbox\"/>\n  </testcase>\n");
		}
		else if (dice < 58) {
			out.write(">\n    <flakyFailure message=\"Read timed out\" type=\"java.net.SocketTimeoutException\"><stackTrace><![CDATA[");
			trace(out, random, "java.net.SocketTimeoutException: Read timed out", suite, name);
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

	/** Seconds with three decimals, as Surefire writes them; String.format would dominate the generator's time. */
	private static String seconds(double seconds) {
		long millis = Math.round(seconds * 1000);
		return millis / 1000 + "." + (millis % 1000 < 100 ? millis % 1000 < 10 ? "00" : "0" : "") + millis % 1000;
	}

	private static void trace(Writer out, SplittableRandom random, String first, String suite, String name) throws IOException {
		out.write(first + "\n\tat " + suite + "." + name + "(" + suite.substring(suite.lastIndexOf('.') + 1) + ".java:"
				+ (20 + random.nextInt(400)) + ")\n");
		int lines = 20 + random.nextInt(21);
		for (int l = 0; l < lines; l++) {
			out.write("\tat org.junit.platform.engine.support.hierarchical.NodeTestTask.executeRecursively(NodeTestTask.java:"
					+ (100 + l) + ")\n");
		}
	}

}
