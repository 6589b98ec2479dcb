package dev.tower.results.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.tower.SlowTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A report of over a gigabyte, generated as it is read, goes through a parser whose whole JVM has 64 MB of heap: the
 * parser streams, and keeps no more of a text than its limit however long the text is.
 */
class HugeReportTests {

	/** About 880 bytes each, with traces and output: with the giant outputs, a little over 1 GiB. */
	static final long CASES = 1_000_000;

	/** Characters of system-out, and about as many of system-err, printed by one test. */
	static final long GIANT_CHARS = 100_000_000;

	@SlowTest
	void parsesAGigabyteReportWithinA64MegabyteHeap() throws Exception {
		List<String> output = runWithSmallHeap("report", Long.toString(CASES), Long.toString(GIANT_CHARS));

		CaseCounts expected = GeneratedReport.expected(CASES, GIANT_CHARS);
		long suites = GeneratedReport.suites(CASES, GIANT_CHARS);
		assertThat(expected).isEqualTo(new CaseCounts(1_000_001, 200_000, 100_000, 100_000, 100_000));
		assertThat(output).startsWith(
				"counts %d tests, %d failures, %d errors, %d skipped, %d flaky".formatted(expected.tests(),
						expected.failures(), expected.errors(), expected.skipped(), expected.flaky()),
				"suites %d started, %d finished, %d cases seen, deepest 0".formatted(suites, suites, expected.tests()),
				"giant system-out 65572 characters, ends with … [truncated 99,934,464 characters]",
				"giant system-err 65572 characters, ends with … [truncated %,d characters]"
					.formatted(GeneratedReport.giantErrChars(GIANT_CHARS) - 65_536));
		String rate = output.get(4);
		long bytes = Long.parseLong(rate.substring("read ".length(), rate.indexOf(" bytes")).replace(",", ""));
		assertThat(bytes).as(rate).isGreaterThanOrEqualTo(1L << 30);
		System.out.println("HugeReportTests: " + rate);
	}

	@Test
	void refusesAGigabyteAttributeBeforeItFillsTheHeap() throws Exception {
		List<String> output = runWithSmallHeap("tag", Long.toString(1L << 30));

		assertThat(output.get(0)).isEqualTo(
				"refused: line 1, column 12: a tag, comment or processing instruction longer than 4,194,304 characters; no test report needs one");
	}

	@Test
	void refusesTheSameReportAboveASizeLimitHavingReadNoMore() {
		JUnitXmlParser parser = new JUnitXmlParser(new ParserLimits(100L << 20, 64 * 1024, 200));
		CountingInputStream counted = new CountingInputStream(new GeneratedReport(CASES, GIANT_CHARS));

		assertThatThrownBy(() -> parser.parse(counted, IGNORED)).isInstanceOf(MalformedReportException.class).hasMessage("the report is larger than the 100.0 MB limit");
		assertThat(counted.count).as("one byte past the limit tells").isEqualTo((100L << 20) + 1);
	}

	/** A hundred thousand cases are counted by the parser, not kept. */
	static final ReportListener IGNORED = new ReportListener() {

		@Override
		public void suiteStarted(SuiteStart suite) {
		}

		@Override
		public void testCase(CaseResult testCase) {
		}

		@Override
		public void suiteFinished(SuiteEnd suite) {
		}

	};

	/** Runs {@link HugeReportMain} in a JVM of its own with 64 MB of heap and answers what it printed. */
	static List<String> runWithSmallHeap(String... arguments) throws IOException, InterruptedException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx64m", "-XX:+UseSerialGC",
				"-XX:+HeapDumpOnOutOfMemoryError", "-XX:HeapDumpPath=/dev/null", "-cp",
				System.getProperty("java.class.path"), HugeReportMain.class.getName()));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		boolean finished = process.waitFor(3, TimeUnit.MINUTES);
		if (!finished) {
			process.destroyForcibly();
		}
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(finished).as("finished within 3 minutes: " + output).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		return output.lines().toList();
	}

}
