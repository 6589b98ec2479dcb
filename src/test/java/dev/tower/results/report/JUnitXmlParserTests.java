package dev.tower.results.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

/**
 * The parser against reports as real tools write them (src/test/resources/results/junit): every field of every
 * case, the suites around them, and the counts it returns.
 */
class JUnitXmlParserTests {

	static final Instant TEN_FIFTEEN_UTC = Instant.parse("2026-11-24T10:15:30Z");

	final JUnitXmlParser parser = new JUnitXmlParser(ParserLimits.DEFAULTS);

	final RecordingListener listener = new RecordingListener();

	CaseCounts parse(String file) {
		return parser.parse(Corpus.open(file), listener);
	}

	static CaseResult passed(String className, String name, double seconds) {
		return new CaseResult(className, name, seconds, Outcome.PASSED, null, null, null, null, null, 0);
	}

	@Test
	void readsAMavenSurefireReport() {
		CaseCounts counts = parse("surefire.xml");

		assertThat(counts).isEqualTo(new CaseCounts(5, 1, 1, 1, 1));
		String suite = "dev.tower.finance.CompanyServiceTests";
		SuiteStart start = listener.start(suite);
		assertThat(start.hostname()).isNull();
		assertThat(start.timestamp()).isNull();
		assertThat(start.depth()).isZero();
		assertThat(start.properties()).containsExactly(entry("java.version", "17.0.15"), entry("os.name", "Linux"),
				entry("user.dir", "/home/ci/tower"), entry("surefire.rerunFailingTestsCount", "2"));
		assertThat(listener.cases).hasSize(5);
		assertThat(listener.testCase("createsACompany")).isEqualTo(passed(suite, "createsACompany", 0.412));
		assertThat(listener.testCase("updatesAYearInPlace"))
			.as("passed on a rerun: flaky, and the earlier attempt's message and output are not the case's")
			.isEqualTo(new CaseResult(suite, "updatesAYearInPlace", 0.108, Outcome.PASSED, null, null, null, null, null, 1));
		assertThat(listener.testCase("updatesAYearInPlace").flaky()).isTrue();
		assertThat(listener.testCase("rejectsDuplicateNames")).as("failed on every rerun")
			.isEqualTo(new CaseResult(suite, "rejectsDuplicateNames", 0.051, Outcome.FAILED,
					"Expecting code to raise a throwable.", "java.lang.AssertionError", """
							java.lang.AssertionError: Expecting code to raise a throwable.
							\tat dev.tower.finance.CompanyServiceTests.rejectsDuplicateNames(CompanyServiceTests.java:112)
							""", "14:02:11.890 DEBUG insert into company (name) values (?)\n", null, 2));
		assertThat(listener.testCase("rejectsDuplicateNames").flaky()).isFalse();
		assertThat(listener.testCase("importsLegacyJson")).isEqualTo(new CaseResult(suite, "importsLegacyJson", 1.204,
				Outcome.ERROR, "Connection refused", "java.net.ConnectException", """
						java.net.ConnectException: Connection refused
						\tat java.base/sun.nio.ch.Net.connect0(Native Method)
						\tat dev.tower.finance.CompanyServiceTests.importsLegacyJson(CompanyServiceTests.java:140)
						""", null, "14:02:12.001 ERROR cannot reach legacy-api:8080\n", 0));
		assertThat(listener.testCase("exportsToCsv")).isEqualTo(
				new CaseResult(suite, "exportsToCsv", 0, Outcome.SKIPPED, "not on CI", null, null, null, null, 0));
		assertThat(listener.ends).containsExactly(new SuiteEnd(suite, 2.345, counts, null, null));
	}

	@Test
	void readsAGradleReport() {
		CaseCounts counts = parse("gradle.xml");

		assertThat(counts).isEqualTo(new CaseCounts(4, 1, 0, 1, 0));
		String suite = "dev.tower.jobs.JobsTests";
		assertThat(listener.starts).containsExactly(new SuiteStart(suite, "ci-runner-7", TEN_FIFTEEN_UTC, Collections.emptyMap(), 0));
		assertThat(listener.cases).containsExactly(passed(suite, "runsAQueuedJob()", 1.5),
				new CaseResult(suite, "retriesAFailedJob()", 0.9, Outcome.FAILED,
						"org.opentest4j.AssertionFailedError: expected: <3> but was: <2>", "org.opentest4j.AssertionFailedError", """
								org.opentest4j.AssertionFailedError: expected: <3> but was: <2>
								\tat app//dev.tower.jobs.JobsTests.retriesAFailedJob(JobsTests.java:57)
								""", null, null, 0),
				new CaseResult(suite, "cancelsAJob()", 0.001, Outcome.SKIPPED, null, null, null, null, null, 0),
				passed(suite, "schedulesAJob()", 0.81));
		assertThat(listener.ends).as("Gradle's empty CDATA system-err is no output").containsExactly(new SuiteEnd(suite, 3.21,
				counts, "10:15:30.412 INFO  Worker w-1 started\n10:15:31.902 INFO  Worker w-1 stopped\n", null));
	}

	@Test
	void readsAPytestReport() {
		CaseCounts counts = parse("pytest.xml");

		assertThat(counts).isEqualTo(new CaseCounts(6, 1, 1, 2, 0));
		assertThat(listener.starts).containsExactly(new SuiteStart("pytest", "dev-laptop",
				Instant.parse("2026-11-24T09:15:30.123456Z"), Collections.emptyMap(), 0));
		assertThat(listener.events).containsExactly("start pytest at depth 0", "case test_health PASSED",
				"case test_login FAILED", "case test_migrate SKIPPED", "case test_known_bug SKIPPED", "case test_pool ERROR",
				"case test_slugify[café] PASSED", "end pytest: 6 tests, 1 failures, 1 errors, 2 skipped, 0 flaky");
		assertThat(listener.testCase("test_health")).isEqualTo(passed("tests.test_api", "test_health", 0.011));
		assertThat(listener.testCase("test_login")).isEqualTo(new CaseResult("tests.test_api", "test_login", 0.102,
				Outcome.FAILED, "AssertionError: assert 401 == 200", null, """
						client = <FlaskClient <Flask 'app'>>

						    def test_login(client):
						>       assert client.post("/login").status_code == 200
						E       AssertionError: assert 401 == 200

						tests/test_api.py:12: AssertionError""", null, null, 0));
		assertThat(listener.testCase("test_migrate")).isEqualTo(new CaseResult("tests.test_db", "test_migrate", 0.003,
				Outcome.SKIPPED, "needs postgres", "pytest.skip", "/app/tests/test_db.py:5: needs postgres", null, null, 0));
		assertThat(listener.testCase("test_known_bug")).isEqualTo(new CaseResult("tests.test_db", "test_known_bug", 0.001,
				Outcome.SKIPPED, "issue 42", "pytest.xfail", null, null, null, 0));
		CaseResult pool = listener.testCase("test_pool");
		assertThat(pool.outcome()).isEqualTo(Outcome.ERROR);
		assertThat(pool.seconds()).isZero();
		assertThat(pool.message()).isEqualTo("failed on setup with \"ConnectionError: db:5432\"");
		assertThat(pool.trace()).startsWith("@pytest.fixture\n").endsWith("tests/conftest.py:8: ConnectionError");
		assertThat(listener.testCase("test_slugify[café]").systemOut()).isEqualTo("""
				--------------------------------- Captured Log ---------------------------------
				INFO     util:util.py:14 slug=cafe""");
		assertThat(listener.end("pytest").seconds()).isEqualTo(0.532);
	}

	@Test
	void readsAJestReport() {
		CaseCounts counts = parse("jest.xml");

		assertThat(counts).isEqualTo(new CaseCounts(4, 1, 0, 0, 0));
		assertThat(listener.events).containsExactly("start Board at depth 0", "case Board renders the columns PASSED",
				"case Board moves a card between columns FAILED", "case Board keeps the order after a reload PASSED",
				"end Board: 3 tests, 1 failures, 0 errors, 0 skipped, 0 flaky", "start api client at depth 0",
				"case api client retries once on 503 PASSED",
				"end api client: 1 tests, 0 failures, 0 errors, 0 skipped, 0 flaky");
		assertThat(listener.start("Board").timestamp()).isEqualTo(TEN_FIFTEEN_UTC);
		assertThat(listener.start("api client").timestamp()).isEqualTo(TEN_FIFTEEN_UTC.plusSeconds(1));
		assertThat(listener.testCase("Board moves a card between columns")).as("jest-junit writes no message, only the text")
			.isEqualTo(new CaseResult("Board moves a card between columns", "Board moves a card between columns", 0.31,
					Outcome.FAILED, null, null, """
							Error: expect(received).toEqual(expected) // deep equality

							Expected: "Done"
							Received: "Doing"
							    at Object.<anonymous> (/app/frontend/src/Board.test.tsx:42:19)""", null, null, 0));
		assertThat(listener.testCase("Board renders the columns"))
			.isEqualTo(passed("Board renders the columns", "Board renders the columns", 0.052));
		assertThat(listener.end("Board").seconds()).isEqualTo(1.204);
		assertThat(listener.end("api client").seconds()).isEqualTo(0.4);
	}

	@Test
	void readsAGoJunitReport() {
		CaseCounts counts = parse("go.xml");

		assertThat(counts).isEqualTo(new CaseCounts(4, 1, 0, 1, 0));
		String suite = "github.com/acme/tower/bench";
		assertThat(listener.starts).containsExactly(new SuiteStart(suite, "ci", TEN_FIFTEEN_UTC,
				java.util.Map.of("go.version", "go1.22.1 linux/amd64"), 0));
		assertThat(listener.cases).containsExactly(passed(suite, "TestParse", 0.001),
				passed(suite, "TestParse/empty_input", 0),
				new CaseResult(suite, "TestFetch", 0.010, Outcome.FAILED, "Failed", null,
						"    fetch_test.go:21: got 500, want 200", null, null, 0),
				new CaseResult(suite, "TestSlow", 0, Outcome.SKIPPED, "Skipped", null,
						"    slow_test.go:9: skipped in -short mode", null, null, 0));
		assertThat(listener.ends).containsExactly(new SuiteEnd(suite, 0.012, counts, "goos: linux\ngoarch: amd64", null));
	}

	@Test
	void followsNestedSuitesOfTheJUnitConsoleLauncher() {
		CaseCounts counts = parse("junit5-nested.xml");

		assertThat(counts).isEqualTo(new CaseCounts(6, 1, 0, 1, 0));
		assertThat(listener.events).containsExactly(
				"start JUnit Jupiter at depth 0",
				"start dev.tower.account.AccountServiceTests at depth 1",
				"case createsAnAccount() PASSED",
				"start dev.tower.account.AccountServiceTests$WhenLocked at depth 2",
				"case refusesALogin() PASSED",
				"case unlocksAfterAnHour() FAILED",
				"end dev.tower.account.AccountServiceTests$WhenLocked: 2 tests, 1 failures, 0 errors, 0 skipped, 0 flaky",
				"case deletesAnAccount() PASSED",
				"end dev.tower.account.AccountServiceTests: 4 tests, 1 failures, 0 errors, 0 skipped, 0 flaky",
				"start dev.tower.account.ApiTokenTests at depth 1",
				"case issuesAToken() PASSED",
				"case revokesAToken() SKIPPED",
				"end dev.tower.account.ApiTokenTests: 2 tests, 0 failures, 0 errors, 1 skipped, 0 flaky",
				"end JUnit Jupiter: 6 tests, 1 failures, 0 errors, 1 skipped, 0 flaky",
				"start JUnit Vintage at depth 0",
				"end JUnit Vintage: 0 tests, 0 failures, 0 errors, 0 skipped, 0 flaky");
		assertThat(listener.start("JUnit Jupiter").timestamp()).isEqualTo(Instant.parse("2026-11-24T10:15:30.250Z"));
		assertThat(listener.start("dev.tower.account.AccountServiceTests").properties())
			.as("a value written as text").containsExactly(entry("junit.jupiter.execution.parallel.enabled", "false"));
		assertThat(listener.end("dev.tower.account.AccountServiceTests$WhenLocked").seconds())
			.as("no time: the sum of its cases'").isCloseTo(0.3, within(1e-9));
		assertThat(listener.end("dev.tower.account.ApiTokenTests").seconds()).as("time N/A: the sum of its cases'")
			.isEqualTo(0.375);
		assertThat(listener.end("dev.tower.account.AccountServiceTests").seconds()).isEqualTo(0.5);
		assertThat(listener.end("JUnit Jupiter").seconds()).isEqualTo(0.9);
		assertThat(listener.testCase("unlocksAfterAnHour()").message()).isEqualTo("expected: <true> but was: <false>");
	}

	@Test
	void readsABareTestsuiteWithoutDeclaration() {
		CaseCounts counts = parse("bare-testsuite.xml");

		assertThat(counts).isEqualTo(new CaseCounts(2, 0, 0, 0, 0));
		assertThat(listener.starts).containsExactly(new SuiteStart("smoke", null, null, Collections.emptyMap(), 0));
		assertThat(listener.cases).containsExactly(passed("smoke", "home page answers", 0.2),
				passed("smoke", "login page answers", 0.3));
		assertThat(listener.ends).containsExactly(new SuiteEnd("smoke", 0.5, counts, null, null));
	}

	@Test
	void readsAnEmptySuite() {
		CaseCounts counts = parse("empty-suite.xml");

		assertThat(counts).isEqualTo(CaseCounts.NONE);
		assertThat(listener.starts).as("epoch milliseconds")
			.containsExactly(new SuiteStart("dev.tower.EmptyTests", null, TEN_FIFTEEN_UTC, Collections.emptyMap(), 0));
		assertThat(listener.cases).isEmpty();
		assertThat(listener.ends).containsExactly(new SuiteEnd("dev.tower.EmptyTests", 0, CaseCounts.NONE, null, null));
	}

	@Test
	void readsTimesAsToolsAndLocalesWriteThem() {
		parse("odd-attributes.xml");

		assertThat(listener.cases.subList(0, 7)).containsExactly(passed("", "no classname, no time", 0),
				passed("odd", "empty time", 0), passed("odd", "thousands separator", 1234.5),
				passed("odd", "decimal comma", 0.5), passed("odd", "not a number", 0), passed("odd", "negative", 0),
				passed("odd", "", 0.25));
		assertThat(listener.end("times").seconds()).as("empty time: the sum of its cases'").isEqualTo(1235.25);
		assertThat(listener.end("unreadable").seconds()).isZero();
	}

	@Test
	void readsTimestampsInEveryCommonForm() {
		parse("odd-attributes.xml");

		assertThat(listener.start("times").timestamp()).as("no zone: UTC").isEqualTo(TEN_FIFTEEN_UTC);
		assertThat(listener.start("zulu").timestamp()).isEqualTo(TEN_FIFTEEN_UTC);
		assertThat(listener.start("offset").timestamp()).isEqualTo(TEN_FIFTEEN_UTC.minusSeconds(3600));
		assertThat(listener.start("millis").timestamp()).isEqualTo(TEN_FIFTEEN_UTC.plusMillis(123));
		assertThat(listener.start("space").timestamp()).isEqualTo(TEN_FIFTEEN_UTC);
		assertThat(listener.start("epoch millis").timestamp()).isEqualTo(TEN_FIFTEEN_UTC);
		assertThat(listener.start("unreadable").timestamp()).isNull();
	}

	@Test
	void skipsUnknownElementsAnywhere() {
		CaseCounts counts = parse("odd-attributes.xml");

		assertThat(counts).as("cases inside unknown elements are not cases").isEqualTo(new CaseCounts(10, 2, 0, 1, 0));
		SuiteStart unnamed = listener.start("");
		assertThat(unnamed.properties()).as("in order; unknown elements and nameless properties dropped")
			.containsExactly(entry("from attribute", "1"), entry("from text", "two"), entry("empty", ""));
		assertThat(listener.testCase("unknown children")).as("the first outcome decides")
			.isEqualTo(new CaseResult("odd", "unknown children", 0, Outcome.SKIPPED, null, null, null, null, null, 0));
		assertThat(listener.testCase("mixed content")).as("text kept, comments and elements inside it dropped")
			.isEqualTo(new CaseResult("odd", "mixed content", 0, Outcome.FAILED, "m", "t", "before & after", null, null, 0));
		assertThat(listener.testCase("bare failure"))
			.isEqualTo(new CaseResult("odd", "bare failure", 0, Outcome.FAILED, null, null, null, null, null, 0));
		assertThat(listener.cases).extracting(CaseResult::name)
			.doesNotContain("inside an unknown element, not a case of this suite", "not counted");
		assertThat(listener.end("").counts()).isEqualTo(new CaseCounts(3, 2, 0, 1, 0));
	}

	@Test
	void readsUtf8WithAByteOrderMark() {
		assertReadsTheInternationalReport("bom-utf8.xml");
	}

	@Test
	void readsUtf16WithAByteOrderMark() {
		assertThat(Corpus.bytes("utf16.xml")).startsWith(0xFF, 0xFE);
		assertReadsTheInternationalReport("utf16.xml");
	}

	@Test
	void readsUtf16WithoutAByteOrderMark() {
		assertReadsTheInternationalReport("utf16be-no-bom.xml");
	}

	void assertReadsTheInternationalReport(String file) {
		CaseCounts counts = parse(file);

		assertThat(counts).isEqualTo(new CaseCounts(1, 0, 0, 0, 0));
		assertThat(listener.starts).extracting(SuiteStart::name).containsExactly("Café ✓");
		assertThat(listener.cases).containsExactly(new CaseResult("dev.tower.i18n.CaféTests",
				"grüßt auf Deutsch — und 日本語 too", 0.1, Outcome.PASSED, null, null, null, "Grüße 👋", null, 0));
	}

	@Test
	void readsUtf8ThatDeclaresUtf16AsDotNetWritersDo() {
		parser.parse(utf8("<?xml version=\"1.0\" encoding=\"utf-16\"?><testsuite name=\"Café\"/>"), listener);

		assertThat(listener.starts).extracting(SuiteStart::name).containsExactly("Café");
	}

	@Test
	void readsLatin1AsDeclared() {
		parse("latin1.xml");

		assertThat(listener.starts).extracting(SuiteStart::name).containsExactly("Résumé");
		assertThat(listener.cases).containsExactly(new CaseResult("dev.tower.i18n.LatinTests",
				"café au lait, s'il vous plaît", 0.1, Outcome.FAILED, "attendu «é» mais reçu «e»", null,
				"Ça ne marche pas", null, null, 0));
	}

	@Test
	void readsWindows1252AsDeclared() {
		parse("windows-1252.xml");

		assertThat(listener.cases).containsExactly(new CaseResult("dev.tower.i18n.WindowsTests", "costs 5 € — “quoted”",
				0.1, Outcome.PASSED, null, null, null, "naïve café", null, 0));
	}

	@Test
	void cutsEveryTextAtTheLimitWithAVisibleMarker() {
		JUnitXmlParser strict = new JUnitXmlParser(new ParserLimits(ParserLimits.DEFAULTS.maxBytes(), 10, 200));

		strict.parse(Corpus.open("surefire.xml"), listener);

		CaseResult failed = listener.cases.get(2);
		assertThat(failed.name()).isEqualTo("rejectsDup\n… [truncated 11 characters]");
		assertThat(failed.message()).isEqualTo("Expecting \n… [truncated 26 characters]");
		assertThat(failed.trace()).isEqualTo("java.lang.\n… [truncated 147 characters]");
		assertThat(failed.systemOut()).isEqualTo("14:02:11.8\n… [truncated 47 characters]");
		assertThat(failed.className()).isEqualTo("dev.tower.\n… [truncated 27 characters]");
		assertThat(listener.starts.get(0).properties())
			.containsEntry("user.dir", "/home/ci/t\n… [truncated 4 characters]");
	}

	@Test
	void countsAHugeOutputWithoutKeepingIt() {
		String head = "<testsuite name='noisy'><testcase name='logs'><system-out><![CDATA[";
		String tail = "]]></system-out><system-err>tail</system-err></testcase></testsuite>";
		long outputChars = 1_234_567 + 65_536;
		InputStream report = new SequenceInputStream(Collections.enumeration(List.of(
				new ByteArrayInputStream(head.getBytes(StandardCharsets.UTF_8)), new RepeatedBytes("x\n", outputChars),
				new ByteArrayInputStream(tail.getBytes(StandardCharsets.UTF_8)))));

		parser.parse(report, listener);

		String output = listener.testCase("logs").systemOut();
		assertThat(output).hasSize(65_536 + "\n… [truncated 1,234,567 characters]".length())
			.startsWith("x\nx\n")
			.endsWith("x\n\n… [truncated 1,234,567 characters]");
		assertThat(listener.testCase("logs").systemErr()).isEqualTo("tail");
	}

	@Test
	void neverCutsACharacterInHalf() {
		String report = "<testsuite><testcase name='wave'><failure message='ab👋c'>ab👋c</failure></testcase></testsuite>";

		new JUnitXmlParser(new ParserLimits(1024, 3, 10)).parse(utf8(report), listener);

		CaseResult wave = listener.cases.get(0);
		assertThat(wave.name()).isEqualTo("wav\n… [truncated 1 character]");
		assertThat(wave.message()).isEqualTo("ab\n… [truncated 3 characters]");
		assertThat(wave.trace()).isEqualTo("ab\n… [truncated 3 characters]");
	}

	@Test
	void keepsAtMostTheAllowedNumberOfProperties() {
		new JUnitXmlParser(new ParserLimits(1 << 20, 100, 2)).parse(Corpus.open("surefire.xml"), listener);

		assertThat(listener.starts.get(0).properties()).containsExactly(entry("java.version", "17.0.15"),
				entry("os.name", "Linux"));
	}

	@Test
	void announcesASuiteOnlyWithItsLeadingProperties() {
		String report = """
				<testsuite name="late">
				  <testcase name="first"/>
				  <properties><property name="too" value="late"/></properties>
				</testsuite>""";

		parser.parse(utf8(report), listener);

		assertThat(listener.starts).containsExactly(new SuiteStart("late", null, null, Collections.emptyMap(), 0));
	}

	@Test
	void refusesATruncatedReportSayingWhere() {
		assertThatThrownBy(() -> parse("truncated.xml")).isInstanceOf(MalformedReportException.class)
			.hasMessage("line 5, column 36: the report ends before its elements do (was the file cut short?)");
		assertThat(listener.events).as("what came before was streamed already")
			.containsExactly("start dev.tower.web.ServerBehaviourTests at depth 0", "case servesTheHomePage PASSED");
	}

	@Test
	void refusesMismatchedTagsSayingWhere() {
		assertThatThrownBy(() -> parse("mismatched.xml")).isInstanceOf(MalformedReportException.class)
			.hasMessage("line 4, column 5: The element type \"failure\" must be terminated by the matching end-tag \"</failure>\".");
	}

	@Test
	void refusesAnEmptyFile() {
		assertThatThrownBy(() -> parse("empty.xml")).isInstanceOf(MalformedReportException.class)
			.hasMessage("line 1, column 1: the report is empty");
	}

	@Test
	void refusesAnHtmlPage() {
		assertThatThrownBy(() -> parse("html.xml")).isInstanceOf(MalformedReportException.class)
			.hasMessageStartingWith("line 1, column 7: not a JUnit XML report: root element <html>");
	}

	@Test
	void refusesPlainText() {
		assertThatThrownBy(() -> parse("garbage.xml")).isInstanceOf(MalformedReportException.class)
			.hasMessage("line 1, column 1: Content is not allowed in prolog.");
	}

	@Test
	void refusesASecondRootElement() {
		assertThatThrownBy(() -> parse("two-roots.xml")).isInstanceOf(MalformedReportException.class)
			.hasMessageStartingWith("line 2, column ");
	}

	@Test
	void refusesBytesThatAreNotInTheDeclaredEncoding() {
		assertThatThrownBy(() -> parse("wrong-encoding.xml")).isInstanceOf(MalformedReportException.class)
			.hasMessage("line 3, column 22: these bytes are not valid UTF-8 (is the encoding declaration right?)");
	}

	@Test
	void leavesAFailingSourceAnInputProblemRatherThanAMalformedReport() {
		InputStream reset = new InputStream() {

			@Override
			public int read() throws IOException {
				throw new IOException("Connection reset");
			}

		};
		InputStream source = new SequenceInputStream(new ByteArrayInputStream(Arrays.copyOf(Corpus.bytes("surefire.xml"), 2000)), reset);

		assertThatThrownBy(() -> parser.parse(source, listener)).isInstanceOf(UncheckedIOException.class)
			.hasMessage("cannot read the report: Connection reset");
	}

	static InputStream utf8(String xml) {
		return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
	}

}
