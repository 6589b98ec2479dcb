package dev.tower.results.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.SequenceInputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Hostile reports: entities that read files or call URLs, entity bombs, oversized files, tags and nesting, and
 * garbage. Each is refused quickly, with a {@link MalformedReportException} and nothing else, having touched
 * nothing outside the report.
 */
class ReportSecurityTests {

	static final String DOCTYPE_REFUSED = "line 2, column 1: DOCTYPE declarations are not allowed in a test report";

	final JUnitXmlParser parser = new JUnitXmlParser(ParserLimits.DEFAULTS);

	final RecordingListener listener = new RecordingListener();

	/** Every request that reached the local server: none may, ever. */
	final List<String> requests = new CopyOnWriteArrayList<>();

	HttpServer server;

	@BeforeEach
	void startALocalServerThatRecordsHits() throws Exception {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", exchange -> {
			requests.add(exchange.getRequestURI().toString());
			byte[] body = "<!ENTITY leaked 'leaked'>".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.start();
	}

	@AfterEach
	void stopTheServer() {
		server.stop(0);
	}

	int port() {
		return server.getAddress().getPort();
	}

	@Test
	void refusesAnEntityThatReadsALocalFile() {
		assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
			assertThatThrownBy(() -> parser.parse(Corpus.open("xxe-file.xml"), listener))
				.isInstanceOf(MalformedReportException.class)
				.hasMessageStartingWith(DOCTYPE_REFUSED);
		});
		assertThat(listener.events).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "xxe-http.xml", "xxe-parameter-entity.xml", "xxe-external-dtd.xml" })
	void refusesADoctypeThatCallsAUrlWithoutCallingIt(String file) {
		assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
			assertThatThrownBy(() -> parser.parse(Corpus.open(file, port()), listener))
				.isInstanceOf(MalformedReportException.class)
				.hasMessageStartingWith(DOCTYPE_REFUSED);
		});
		assertThat(requests).isEmpty();
		assertThat(listener.events).isEmpty();
	}

	@Test
	void leavesStylesheetsSchemasAndXIncludesUnfetched() {
		CaseCounts counts = parser.parse(Corpus.open("remote-references.xml", port()), listener);

		assertThat(counts.tests()).isEqualTo(1);
		assertThat(requests).isEmpty();
	}

	@Test
	void refusesABillionLaughsQuickly() {
		assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
			assertThatThrownBy(() -> parser.parse(Corpus.open("billion-laughs.xml"), listener))
				.isInstanceOf(MalformedReportException.class)
				.hasMessageStartingWith(DOCTYPE_REFUSED);
		});
	}

	@Test
	void refusesADoctypeAnywhereButInsideTextOrComments() {
		String html = "<testsuite><testcase name='prints a page'><system-out><![CDATA[<!DOCTYPE html><html/>]]></system-out>"
				+ "<!-- <!DOCTYPE x> --></testcase></testsuite>";
		parser.parse(utf8(html), listener);
		assertThat(listener.cases.get(0).systemOut()).isEqualTo("<!DOCTYPE html><html/>");

		assertThatThrownBy(() -> parser.parse(utf8("<?xml version='1.0'?>\n\n  <!DOCTYPE testsuite><testsuite/>"), listener))
			.isInstanceOf(MalformedReportException.class)
			.hasMessageStartingWith("line 3, column 3: DOCTYPE declarations are not allowed");
	}

	@Test
	void refusesAReportLargerThanTheLimitHavingReadNoMore() {
		long limit = 1 << 20;
		CountingInputStream source = new CountingInputStream(suiteOf(5 << 20));
		JUnitXmlParser parser = new JUnitXmlParser(new ParserLimits(limit, 1024, 10));

		assertThatThrownBy(() -> parser.parse(source, listener)).isInstanceOf(MalformedReportException.class)
			.hasMessage("the report is larger than the 1.0 MB limit");
		assertThat(source.count).isEqualTo(limit + 1);
	}

	@Test
	void readsAReportOfExactlyTheLimit() throws Exception {
		byte[] report = suiteOf(1 << 20).readAllBytes();

		parser(report.length).parse(new ByteArrayInputStream(report), listener);
		assertThatThrownBy(() -> parser(report.length - 1).parse(new ByteArrayInputStream(report), listener))
			.isInstanceOf(MalformedReportException.class)
			.hasMessageStartingWith("the report is larger than the ");
	}

	@Test
	void refusesATinyLimitBeforeReadingTheDeclaration() {
		assertThatThrownBy(() -> parser(100).parse(Corpus.open("surefire.xml"), listener))
			.isInstanceOf(MalformedReportException.class)
			.hasMessage("the report is larger than the 100 bytes limit");
	}

	@Test
	void refusesAnAttributeLongerThanAnyTagNeeds() {
		InputStream report = concat("<testsuite><testcase name='ok'/><testcase name='", new RepeatedBytes("x", 5 << 20), "'/></testsuite>");

		assertThatThrownBy(() -> parser.parse(report, listener)).isInstanceOf(MalformedReportException.class)
			.hasMessage("line 1, column 33: a tag, comment or processing instruction longer than 4,194,304 characters; no test report needs one");
	}

	@Test
	void refusesACommentLongerThanAnyTagNeeds() {
		InputStream report = concat("<testsuite>\n<!--", new RepeatedBytes("-> ", 5 << 20), "--></testsuite>");

		assertThatThrownBy(() -> parser.parse(report, listener)).isInstanceOf(MalformedReportException.class)
			.hasMessageStartingWith("line 2, column 1: a tag, comment or processing instruction longer than");
	}

	@Test
	void acceptsTextAndCdataOfAnyLength() {
		InputStream report = concat("<testsuite><testcase name='long'><system-out><![CDATA[",
				new RepeatedBytes("<a href=\"x\"> ", 6 << 20), "]]></system-out><system-err>", new RepeatedBytes("a > b ", 6 << 20),
				"</system-err></testcase></testsuite>");

		parser.parse(report, listener);

		assertThat(listener.cases.get(0).systemOut()).startsWith("<a href=\"x\"> <a href=").contains("… [truncated");
		assertThat(listener.cases.get(0).systemErr()).startsWith("a > b a > b").contains("… [truncated");
	}

	@Test
	void refusesEndlessNesting() {
		String deep = "<testsuite>".repeat(100_000) + "</testsuite>".repeat(100_000);

		assertThatThrownBy(() -> parser.parse(utf8(deep), listener)).isInstanceOf(MalformedReportException.class)
			.hasMessageContaining("exceeds the limit \"256\"");
	}

	@Test
	void refusesBinaryWithoutPrintingAnything() {
		PrintStream err = System.err;
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
		try {
			assertThatThrownBy(() -> parser.parse(Corpus.open("binary.xml"), listener))
				.isInstanceOf(MalformedReportException.class)
				.hasMessage("line 1, column 1: these bytes are not valid UTF-8 (is the encoding declaration right?)");
			assertThatThrownBy(() -> parser.parse(Corpus.open("wrong-encoding.xml"), listener))
				.isInstanceOf(MalformedReportException.class);
		}
		finally {
			System.setErr(err);
		}
		assertThat(printed.toString(StandardCharsets.UTF_8)).as("the JDK's parser prints encoding errors itself").isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "garbage.xml", "empty.xml", "html.xml", "truncated.xml", "mismatched.xml", "two-roots.xml",
			"wrong-encoding.xml", "binary.xml" })
	void refusesWhatIsNotAReportSayingWhere(String file) {
		assertThatThrownBy(() -> parser.parse(Corpus.open(file), listener)).isInstanceOf(MalformedReportException.class)
			.hasMessageMatching("line \\d+, column \\d+: .+");
	}

	@Test
	void answersEveryDamagedReportWithAReasonAndNothingElse() {
		byte[] report = Corpus.bytes("surefire.xml");
		Random random = new Random(42);
		int refused = 0;
		for (int attempt = 0; attempt < 2_000; attempt++) {
			byte[] damaged = damage(report, random);
			Throwable thrown = catchThrowable(() -> parser.parse(new ByteArrayInputStream(damaged), new RecordingListener()));
			if (thrown != null) {
				refused++;
				assertThat(thrown).as(new String(damaged, StandardCharsets.ISO_8859_1))
					.isInstanceOf(MalformedReportException.class)
					.hasMessageMatching("(?s)line \\d+, column \\d+: .+");
			}
		}
		assertThat(refused).as("most damage is refused").isGreaterThan(1_000);
	}

	@Test
	void answersRandomBytesWithAReasonAndNothingElse() {
		Random random = new Random(7);
		for (int attempt = 0; attempt < 500; attempt++) {
			byte[] noise = new byte[random.nextInt(2_000)];
			random.nextBytes(noise);
			if (attempt % 2 == 0 && noise.length > 0) {
				noise[0] = '<'; // looks like markup at first
			}
			assertThatThrownBy(() -> parser.parse(new ByteArrayInputStream(noise), listener))
				.isInstanceOf(MalformedReportException.class)
				.hasMessageMatching("(?s)line \\d+, column \\d+: .+");
		}
	}

	/** Cuts, flips, duplicates or drops a few bytes somewhere. */
	static byte[] damage(byte[] report, Random random) {
		int at = random.nextInt(report.length);
		return switch (random.nextInt(4)) {
			case 0 -> java.util.Arrays.copyOf(report, at);
			case 1 -> {
				byte[] flipped = report.clone();
				flipped[at] = (byte) random.nextInt(256);
				yield flipped;
			}
			case 2 -> {
				byte[] doubled = new byte[report.length + 8];
				System.arraycopy(report, 0, doubled, 0, at);
				System.arraycopy(report, at, doubled, at + 8, report.length - at);
				System.arraycopy(report, at, doubled, at, Math.min(8, report.length - at));
				yield doubled;
			}
			default -> {
				byte[] shorter = new byte[report.length - 1];
				System.arraycopy(report, 0, shorter, 0, at);
				System.arraycopy(report, at + 1, shorter, at, report.length - at - 1);
				yield shorter;
			}
		};
	}

	static JUnitXmlParser parser(long maxBytes) {
		return new JUnitXmlParser(new ParserLimits(maxBytes, 1024, 10));
	}

	/** A valid suite of passing cases, as big as asked, give or take a case. */
	static InputStream suiteOf(int bytes) {
		String testCase = "<testcase classname='dev.tower.Sized' name='passes' time='0.001'/>\n";
		return concat("<testsuite name='sized'>\n", new RepeatedBytes(testCase, (long) bytes / testCase.length() * testCase.length()),
				"</testsuite>\n");
	}

	static InputStream concat(Object... parts) {
		return new SequenceInputStream(Collections.enumeration(Stream.of(parts)
			.map(part -> part instanceof String text ? utf8(text) : (InputStream) part)
			.toList()));
	}

	static InputStream utf8(String xml) {
		return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
	}

}
