package dev.tower.results.report;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Runs in its own JVM, started by {@link HugeReportTests} with a small heap: parses a generated report and prints
 * what the parser returned and saw, how fast, and the heap it took.
 * <p>
 * {@code HugeReportMain report <cases> <giantChars>} or {@code HugeReportMain tag <bytes>} (a report whose one
 * attribute is that long, which must be refused before it fills the heap).
 */
final class HugeReportMain {

	private HugeReportMain() {
	}

	public static void main(String[] args) {
		if (args[0].equals("tag")) {
			refuseAGiantTag(Long.parseLong(args[1]));
			return;
		}
		long cases = Long.parseLong(args[1]), giantChars = Long.parseLong(args[2]);
		GeneratedReport generated = new GeneratedReport(cases, giantChars);
		LimitedInputStream report = new LimitedInputStream(generated, Long.MAX_VALUE);
		Watcher watcher = new Watcher();
		long start = System.nanoTime();
		CaseCounts counts = new JUnitXmlParser(ParserLimits.DEFAULTS).parse(report, watcher);
		double seconds = (System.nanoTime() - start) / 1e9;
		long bytes = report.count();
		System.out.printf(Locale.ROOT, "counts %d tests, %d failures, %d errors, %d skipped, %d flaky%n", counts.tests(),
				counts.failures(), counts.errors(), counts.skipped(), counts.flaky());
		System.out.printf(Locale.ROOT, "suites %d started, %d finished, %d cases seen, deepest %d%n", watcher.started,
				watcher.finished, watcher.cases, watcher.deepest);
		System.out.println("giant system-out " + watcher.giantOut);
		System.out.println("giant system-err " + watcher.giantErr);
		System.out.printf(Locale.ROOT, "read %,d bytes in %.1f s: %.0f MB/s, %,.0f cases/s, peak heap %d MB of %d MB%n",
				bytes, seconds, bytes / 1e6 / seconds, cases / seconds, peakHeap() >> 20,
				Runtime.getRuntime().maxMemory() >> 20);
	}

	private static void refuseAGiantTag(long bytes) {
		InputStream report = new SequenceInputStream(Collections.enumeration(List.of(
				new ByteArrayInputStream("<testsuite><testcase name=\"".getBytes(StandardCharsets.US_ASCII)),
				new RepeatedBytes("x", bytes), new ByteArrayInputStream("\"/></testsuite>".getBytes(StandardCharsets.US_ASCII)))));
		try {
			new JUnitXmlParser(ParserLimits.DEFAULTS).parse(report, new Watcher());
			System.out.println("accepted");
		}
		catch (MalformedReportException ex) {
			System.out.println("refused: " + ex.getMessage());
		}
		System.out.printf(Locale.ROOT, "peak heap %d MB%n", peakHeap() >> 20);
	}

	private static long peakHeap() {
		return ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(pool -> pool.getType() == MemoryType.HEAP)
			.mapToLong(pool -> pool.getPeakUsage().getUsed())
			.sum();
	}

	/** Counts, and checks what only a listener can see: the giant outputs arrive cut, with the right marker. */
	private static final class Watcher implements ReportListener {

		long started, finished, cases;

		int deepest;

		String giantOut = "not seen", giantErr = "not seen";

		@Override
		public void suiteStarted(SuiteStart suite) {
			started++;
			deepest = Math.max(deepest, suite.depth());
		}

		@Override
		public void testCase(CaseResult testCase) {
			cases++;
			if (testCase.name().equals("printsALot")) {
				giantOut = describe(testCase.systemOut());
				giantErr = describe(testCase.systemErr());
			}
		}

		@Override
		public void suiteFinished(SuiteEnd suite) {
			finished++;
		}

		private static String describe(String text) {
			int marker = text.lastIndexOf("\n… [");
			return text.length() + " characters, ends with " + text.substring(marker + 1);
		}

	}

}
