package dev.tower.results.report;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * A Surefire-like report of any size, written as it is read: never on disk, never whole in memory. A header, one
 * suite whose single test printed {@code giantChars} characters to each of system-out (CDATA) and system-err (text
 * full of entities), then {@code cases} test cases in suites of {@value #CASES_PER_SUITE}, then a footer.
 * <p>
 * Case {@code i} is, by {@code i % 10}: 0 to 4 passed (with output), 5 failed on every rerun, 6 failed, 7 an error,
 * 8 skipped, 9 flaky (passed on a rerun).
 */
final class GeneratedReport extends SequenceInputStream {

	static final int CASES_PER_SUITE = 1000;

	static final String GIANT_SUITE = "dev.tower.generated.GiantOutputTests";

	/** One line of the giant system-err as written, and as read back. */
	static final String ERR_LINE = "WARN  a &lt; b &amp;&amp; c &gt; d\n", ERR_LINE_READ = "WARN  a < b && c > d\n";

	GeneratedReport(long cases, long giantChars) {
		super(parts(cases, giantChars));
	}

	/** The counts the parser should return. */
	static CaseCounts expected(long cases, long giantChars) {
		long failures = count(cases, 5) + count(cases, 6), errors = count(cases, 7), skipped = count(cases, 8),
				flaky = count(cases, 9);
		return new CaseCounts(cases + (giantChars > 0 ? 1 : 0), failures, errors, skipped, flaky);
	}

	static long suites(long cases, long giantChars) {
		return (cases + CASES_PER_SUITE - 1) / CASES_PER_SUITE + (giantChars > 0 ? 1 : 0);
	}

	private static long count(long cases, int remainder) {
		return cases / 10 + (cases % 10 > remainder ? 1 : 0);
	}

	/** How many characters of the giant system-err the parser reads, entities resolved. */
	static long giantErrChars(long giantChars) {
		return giantChars / ERR_LINE.length() * ERR_LINE_READ.length();
	}

	private static Enumeration<InputStream> parts(long cases, long giantChars) {
		List<Supplier<InputStream>> parts = List.of(
				() -> ascii("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"generated\">\n"),
				() -> giantChars == 0 ? ascii("") : ascii("<testsuite name=\"" + GIANT_SUITE + "\" timestamp=\"2026-11-24T10:15:30\">\n"
						+ "<testcase classname=\"" + GIANT_SUITE + "\" name=\"printsALot\" time=\"12.5\"><system-out><![CDATA["),
				() -> new RepeatedBytes("2026-11-24 10:15:30.123 DEBUG dev.tower.generated - a line of output, 0123456789\n",
						giantChars),
				() -> ascii(giantChars == 0 ? "" : "]]></system-out><system-err>"),
				() -> new RepeatedBytes(ERR_LINE, giantChars / ERR_LINE.length() * ERR_LINE.length()),
				() -> ascii(giantChars == 0 ? "" : "</system-err></testcase>\n</testsuite>\n"),
				() -> new Cases(cases),
				() -> ascii("</testsuites>\n"));
		Iterator<Supplier<InputStream>> next = parts.iterator();
		return new Enumeration<>() {

			@Override
			public boolean hasMoreElements() {
				return next.hasNext();
			}

			@Override
			public InputStream nextElement() {
				return next.next().get(); // made when reached, so nothing is held before
			}

		};
	}

	private static InputStream ascii(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
	}

	/** The test cases, each written into one reused buffer when the previous one has been read. */
	private static final class Cases extends InputStream {

		private static final String TRACE = """
				org.opentest4j.AssertionFailedError: expected: <42> but was: <41>
				\tat org.junit.jupiter.api.AssertionFailureBuilder.build(AssertionFailureBuilder.java:151)
				\tat org.junit.jupiter.api.AssertionFailureBuilder.buildAndThrow(AssertionFailureBuilder.java:132)
				\tat org.junit.jupiter.api.AssertEquals.failNotEqual(AssertEquals.java:197)
				\tat org.junit.jupiter.api.AssertEquals.assertEquals(AssertEquals.java:150)
				\tat org.junit.jupiter.api.Assertions.assertEquals(Assertions.java:563)
				\tat dev.tower.generated.GeneratedTests.answers(GeneratedTests.java:42)
				\tat java.base/java.lang.reflect.Method.invoke(Method.java:569)
				\tat org.junit.platform.commons.util.ReflectionUtils.invokeMethod(ReflectionUtils.java:786)
				\tat org.junit.jupiter.engine.execution.MethodInvocation.proceed(MethodInvocation.java:60)
				""";

		private static final String OUTPUT = "<system-out><![CDATA[10:15:30.412 INFO  dev.tower.generated.GeneratedTests - starting\n"
				+ "10:15:30.415 DEBUG dev.tower.generated.GeneratedTests - select id, name from company where id = ?\n"
				+ "10:15:30.431 INFO  dev.tower.generated.GeneratedTests - done in 19 ms\n]]></system-out>";

		private static final String[] KINDS = {
				"\" time=\"0.012\">" + OUTPUT + "</testcase>\n",
				"\" time=\"0.003\"/>\n",
				"\" time=\"0.120\">" + OUTPUT + "</testcase>\n",
				"\" time=\"1,234.5\"/>\n",
				"\" time=\"0.5\">" + OUTPUT + "<system-err>WARN slow &amp; steady</system-err></testcase>\n",
				"\" time=\"0.250\"><failure message=\"expected: &lt;42&gt; but was: &lt;41&gt;\" type=\"org.opentest4j.AssertionFailedError\"><![CDATA["
						+ TRACE + "]]></failure><rerunFailure message=\"expected: &lt;42&gt; but was: &lt;41&gt;\" type=\"org.opentest4j.AssertionFailedError\"><stackTrace><![CDATA["
						+ TRACE + "]]></stackTrace></rerunFailure><rerunFailure message=\"again\" type=\"org.opentest4j.AssertionFailedError\"><stackTrace>"
						+ TRACE.replace("<", "&lt;").replace(">", "&gt;") + "</stackTrace>" + OUTPUT + "</rerunFailure>" + OUTPUT + "</testcase>\n",
				"\" time=\"0.040\"><failure message=\"expected: &lt;42&gt; but was: &lt;41&gt;\" type=\"org.opentest4j.AssertionFailedError\"><![CDATA["
						+ TRACE + "]]></failure>" + OUTPUT + "</testcase>\n",
				"\" time=\"0.002\"><error message=\"Connection refused\" type=\"java.net.ConnectException\">java.net.ConnectException: Connection refused &amp; more\n"
						+ TRACE.replace("<", "&lt;").replace(">", "&gt;") + "</error><system-err>ERROR cannot connect</system-err></testcase>\n",
				"\" time=\"0\"><skipped message=\"disabled on CI\"/></testcase>\n",
				"\" time=\"0.300\"><flakyFailure message=\"timeout\" type=\"java.util.concurrent.TimeoutException\"><stackTrace><![CDATA["
						+ TRACE + "]]></stackTrace>" + OUTPUT + "</flakyFailure>" + OUTPUT + "</testcase>\n" };

		private static final byte[][] KIND_BYTES = Arrays.stream(KINDS)
			.map(kind -> kind.getBytes(StandardCharsets.US_ASCII))
			.toArray(byte[][]::new);

		private final long cases;

		private long next;

		private byte[] block = new byte[16 * 1024];

		private int length;

		private int position;

		private boolean closed;

		Cases(long cases) {
			this.cases = cases;
		}

		@Override
		public int read() {
			byte[] one = new byte[1];
			return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
		}

		@Override
		public int read(byte[] buffer, int offset, int count) {
			if (position == length && !refill()) {
				return -1;
			}
			int n = Math.min(count, length - position);
			System.arraycopy(block, position, buffer, offset, n);
			position += n;
			return n;
		}

		private boolean refill() {
			position = 0;
			length = 0;
			if (next == cases) {
				if (closed || cases == 0) {
					return false;
				}
				append("</testsuite>\n");
				closed = true;
				return true;
			}
			long i = next++;
			if (i % CASES_PER_SUITE == 0) {
				if (i > 0) {
					append("</testsuite>\n");
				}
				append(String.format(Locale.ROOT, "<testsuite name=\"dev.tower.generated.Suite%d\" tests=\"%d\" time=\"%d.5\" timestamp=\"2026-11-24T10:15:30Z\">\n"
						+ "<properties><property name=\"java.version\" value=\"17.0.15\"/><property name=\"suite\" value=\"%d\"/></properties>\n",
						i / CASES_PER_SUITE, CASES_PER_SUITE, i / CASES_PER_SUITE, i / CASES_PER_SUITE));
			}
			append("<testcase classname=\"dev.tower.generated.GeneratedTests\" name=\"case");
			appendDigits(i);
			append(KIND_BYTES[(int) (i % 10)]);
			return true;
		}

		private void append(String text) {
			append(text.getBytes(StandardCharsets.US_ASCII));
		}

		private void append(byte[] bytes) {
			System.arraycopy(bytes, 0, block, length, bytes.length);
			length += bytes.length;
		}

		private void appendDigits(long value) {
			int start = length;
			do {
				block[length++] = (byte) ('0' + value % 10);
				value /= 10;
			}
			while (value > 0);
			for (int a = start, b = length - 1; a < b; a++, b--) {
				byte swap = block[a];
				block[a] = block[b];
				block[b] = swap;
			}
		}

	}

}
