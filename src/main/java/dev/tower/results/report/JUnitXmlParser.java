package dev.tower.results.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import static javax.xml.stream.XMLStreamConstants.CDATA;
import static javax.xml.stream.XMLStreamConstants.CHARACTERS;
import static javax.xml.stream.XMLStreamConstants.DTD;
import static javax.xml.stream.XMLStreamConstants.END_DOCUMENT;
import static javax.xml.stream.XMLStreamConstants.END_ELEMENT;
import static javax.xml.stream.XMLStreamConstants.SPACE;
import static javax.xml.stream.XMLStreamConstants.START_ELEMENT;

/**
 * Reads JUnit XML as Maven Surefire, Gradle, pytest, Jest, go-junit-report and the JUnit console launcher write
 * it, streaming it to a {@link ReportListener} with the JDK's StAX parser: no tree is built, so memory stays the
 * same whatever the report's size.
 * <p>
 * Any input is safe: a DOCTYPE is refused (no entity is ever resolved, no file or URL ever read), the report's size
 * is capped, and every text kept (trace, output, message, names, properties) is cut at
 * {@link ParserLimits#maxTextChars()}. Empty or whitespace-only texts are null. What cannot be read is refused with
 * a {@link MalformedReportException} that says where; a failing source stream surfaces as an
 * {@link UncheckedIOException}. Being a stream, a refusal can come after the listener has been told about the
 * suites and cases before the fault: a listener that stores them should do so in a transaction it can roll back.
 * <p>
 * Keeps no state between calls, so one parser can serve any number of threads.
 */
public final class JUnitXmlParser {

	/** Element nesting deeper than any real report; bounds the parser's stacks against endless nesting. */
	static final int MAX_DEPTH = 256;

	/** CDATA is handed over in chunks of this size rather than whole, like text already is. */
	private static final int CDATA_CHUNK_CHARS = 8192;

	private final ParserLimits limits;

	public JUnitXmlParser(ParserLimits limits) {
		this.limits = Objects.requireNonNull(limits);
	}

	/** Streams the report to the listener; returns the counts of every case seen. */
	public CaseCounts parse(InputStream in, ReportListener listener) {
		XMLStreamReader xml = null;
		try {
			xml = factory().createXMLStreamReader(ReportEncoding.open(new LimitedInputStream(in, limits.maxBytes())));
			return new Walk(xml, listener, limits).report();
		}
		catch (RefusedInput ex) {
			throw new MalformedReportException(ex.getMessage(), ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the report: " + ex.getMessage(), ex);
		}
		catch (XMLStreamException ex) {
			throw refused(ex, xml);
		}
		finally {
			close(xml);
		}
	}

	private static XMLInputFactory factory() {
		// the JDK's own parser, whatever StAX implementation the classpath brings
		XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		factory.setProperty("jdk.xml.cdataChunkSize", CDATA_CHUNK_CHARS);
		factory.setProperty("jdk.xml.maxElementDepth", MAX_DEPTH);
		return factory;
	}

	/** The parser's failure in words a person can act on, or the refusal a read deep inside it stood for. */
	private static RuntimeException refused(XMLStreamException ex, XMLStreamReader xml) {
		Throwable cause = ex;
		for (int i = 0; cause != null && i < 10; i++) {
			if (cause instanceof RefusedInput refusal) {
				return new MalformedReportException(refusal.getMessage(), ex);
			}
			cause = cause instanceof XMLStreamException nested && nested.getNestedException() != null
					? nested.getNestedException() : cause.getCause();
		}
		if (ex.getNestedException() instanceof IOException io) {
			return new UncheckedIOException("cannot read the report: " + io.getMessage(), io);
		}
		String message = String.valueOf(ex.getMessage());
		int reason = message.indexOf("Message: "); // the JDK's "ParseError at [row,col]:[3,12]\nMessage: …"
		message = reason < 0 ? message : message.substring(reason + "Message: ".length());
		if (message.startsWith("XML document structures must start and end within the same entity")) {
			message = "the report ends before its elements do (was the file cut short?)";
		}
		Location where = ex.getLocation() != null ? ex.getLocation() : xml != null ? xml.getLocation() : null;
		return new MalformedReportException(at(where) + message, ex);
	}

	static String at(Location where) {
		return where == null ? "" : String.format(Locale.ROOT, "line %d, column %d: ", where.getLineNumber(),
				where.getColumnNumber());
	}

	private static void close(XMLStreamReader xml) {
		if (xml != null) {
			try {
				xml.close();
			}
			catch (XMLStreamException ex) {
				// nothing held open: the source stream belongs to the caller
			}
		}
	}

	/** One pass over one report. */
	private static final class Walk {

		private final XMLStreamReader xml;

		private final ReportListener listener;

		private final ParserLimits limits;

		private final BoundedText text;

		private final ArrayDeque<OpenSuite> open = new ArrayDeque<>();

		private final Tally total = new Tally();

		Walk(XMLStreamReader xml, ReportListener listener, ParserLimits limits) {
			this.xml = xml;
			this.listener = listener;
			this.limits = limits;
			this.text = new BoundedText(limits.maxTextChars());
		}

		CaseCounts report() throws XMLStreamException {
			for (int event = xml.getEventType(); event != START_ELEMENT; event = next()) {
				if (event == DTD) { // MarkupGuard refuses them first; this is the second line
					throw refusal("DOCTYPE declarations are not allowed in a test report");
				}
				if (event == END_DOCUMENT) {
					throw refusal("the report has no root element");
				}
			}
			String root = xml.getLocalName();
			if (root.equals("testsuite")) {
				openSuite();
			}
			else if (!root.equals("testsuites")) {
				throw refusal("not a JUnit XML report: root element <" + root + ">, expected <testsuites> or <testsuite>");
			}
			suites(root.equals("testsuite"));
			while (next() != END_DOCUMENT) {
				// comments and whitespace after the root; the parser refuses anything else
			}
			return total.counts();
		}

		/** Everything inside the root, until its end tag. */
		private void suites(boolean rootIsSuite) throws XMLStreamException {
			while (true) {
				int event = next();
				if (event == START_ELEMENT) {
					String name = xml.getLocalName();
					OpenSuite suite = open.peek();
					if (name.equals("testsuite")) {
						if (suite != null) {
							announce(suite);
						}
						openSuite();
					}
					else if (suite == null) {
						skip(); // only suites count directly inside <testsuites>
					}
					else {
						switch (name) {
							case "testcase" -> {
								announce(suite);
								testCase(suite);
							}
							case "properties" -> {
								if (suite.announced) {
									skip(); // too late: the listener already has the suite
								}
								else {
									properties(suite);
								}
							}
							case "system-out" -> suite.systemOut = text();
							case "system-err" -> suite.systemErr = text();
							default -> skip();
						}
					}
				}
				else if (event == END_ELEMENT) {
					if (open.isEmpty()) {
						return; // </testsuites>
					}
					closeSuite();
					if (rootIsSuite && open.isEmpty()) {
						return;
					}
				}
			}
		}

		private void openSuite() {
			String name = "", hostname = null;
			Instant timestamp = null;
			double seconds = AttributeValues.UNREADABLE;
			for (int i = 0, n = xml.getAttributeCount(); i < n; i++) {
				switch (xml.getAttributeLocalName(i)) {
					case "name" -> name = bounded(xml.getAttributeValue(i));
					case "hostname" -> hostname = bounded(xml.getAttributeValue(i));
					case "timestamp" -> timestamp = AttributeValues.timestamp(xml.getAttributeValue(i));
					case "time" -> seconds = AttributeValues.seconds(xml.getAttributeValue(i));
					default -> {
					}
				}
			}
			open.push(new OpenSuite(name, hostname, timestamp, seconds, open.size()));
		}

		/** Tells the listener about a suite once its leading properties are read. */
		private void announce(OpenSuite suite) {
			if (!suite.announced) {
				suite.announced = true;
				Map<String, String> properties = suite.properties == null ? Map.of()
						: Collections.unmodifiableMap(suite.properties);
				listener.suiteStarted(new SuiteStart(suite.name, suite.hostname, suite.timestamp, properties, suite.depth));
			}
		}

		private void closeSuite() {
			OpenSuite suite = open.pop();
			announce(suite);
			double seconds = suite.seconds >= 0 ? suite.seconds : suite.tally.caseSeconds;
			listener.suiteFinished(new SuiteEnd(suite.name, seconds, suite.tally.counts(), suite.systemOut, suite.systemErr));
			OpenSuite parent = open.peek();
			if (parent != null) {
				parent.tally.add(suite.tally);
			}
		}

		private void properties(OpenSuite suite) throws XMLStreamException {
			for (int event = next(); event != END_ELEMENT; event = next()) {
				if (event == START_ELEMENT) {
					if (xml.getLocalName().equals("property")) {
						property(suite);
					}
					else {
						skip();
					}
				}
			}
		}

		private void property(OpenSuite suite) throws XMLStreamException {
			String name = null, value = null;
			for (int i = 0, n = xml.getAttributeCount(); i < n; i++) {
				switch (xml.getAttributeLocalName(i)) {
					case "name" -> name = bounded(xml.getAttributeValue(i));
					case "value" -> value = bounded(xml.getAttributeValue(i));
					default -> {
					}
				}
			}
			String body = text(); // some tools write the value as the element's text
			if (name == null) {
				return;
			}
			if (suite.properties == null) {
				suite.properties = new LinkedHashMap<>();
			}
			if (suite.properties.size() < limits.maxProperties() || suite.properties.containsKey(name)) {
				suite.properties.put(name, value != null ? value : body != null ? body : "");
			}
		}

		private void testCase(OpenSuite suite) throws XMLStreamException {
			String className = "", name = "";
			double seconds = 0;
			for (int i = 0, n = xml.getAttributeCount(); i < n; i++) {
				switch (xml.getAttributeLocalName(i)) {
					case "classname" -> className = bounded(xml.getAttributeValue(i));
					case "name" -> name = bounded(xml.getAttributeValue(i));
					case "time" -> seconds = Math.max(0, AttributeValues.seconds(xml.getAttributeValue(i)));
					default -> {
					}
				}
			}
			Outcome outcome = Outcome.PASSED;
			String message = null, type = null, trace = null, systemOut = null, systemErr = null;
			int reruns = 0;
			for (int event = next(); event != END_ELEMENT; event = next()) {
				if (event != START_ELEMENT) {
					continue;
				}
				String child = xml.getLocalName();
				switch (child) {
					case "failure", "error", "skipped" -> {
						if (outcome != Outcome.PASSED) {
							skip(); // the first one decides
							continue;
						}
						outcome = child.equals("failure") ? Outcome.FAILED
								: child.equals("error") ? Outcome.ERROR : Outcome.SKIPPED;
						for (int i = 0, n = xml.getAttributeCount(); i < n; i++) {
							switch (xml.getAttributeLocalName(i)) {
								case "message" -> message = bounded(xml.getAttributeValue(i));
								case "type" -> type = bounded(xml.getAttributeValue(i));
								default -> {
								}
							}
						}
						trace = text();
					}
					// Surefire's earlier attempts of a rerun test, each with its own stackTrace and output
					case "flakyFailure", "flakyError", "rerunFailure", "rerunError" -> {
						reruns++;
						skip();
					}
					case "system-out" -> systemOut = text();
					case "system-err" -> systemErr = text();
					default -> skip();
				}
			}
			CaseResult result = new CaseResult(className, name, seconds, outcome, message, type, trace, systemOut,
					systemErr, reruns);
			suite.tally.add(result);
			total.add(result);
			listener.testCase(result);
		}

		/** The text of the current element up to its end tag, bounded; elements inside it are skipped. */
		private String text() throws XMLStreamException {
			text.reset();
			for (int event = next(); event != END_ELEMENT; event = next()) {
				switch (event) {
					case CHARACTERS, CDATA, SPACE -> text.append(xml.getTextCharacters(), xml.getTextStart(),
							xml.getTextLength());
					case START_ELEMENT -> skip();
					default -> {
						// comments and processing instructions
					}
				}
			}
			return text.toStringOrNull();
		}

		/** Passes over the current element and everything inside it. */
		private void skip() throws XMLStreamException {
			for (int depth = 1; depth > 0;) {
				int event = next();
				if (event == START_ELEMENT) {
					depth++;
				}
				else if (event == END_ELEMENT) {
					depth--;
				}
			}
		}

		private String bounded(String value) {
			return BoundedText.cut(value, limits.maxTextChars());
		}

		private int next() throws XMLStreamException {
			try {
				return xml.next();
			}
			catch (RuntimeException ex) { // whatever the parser throws, the caller gets a MalformedReportException
				throw new XMLStreamException(String.valueOf(ex.getMessage()), xml.getLocation(), ex);
			}
		}

		private MalformedReportException refusal(String reason) {
			return new MalformedReportException(at(xml.getLocation()) + reason);
		}

	}

	/** A suite between its start and end tags. */
	private static final class OpenSuite {

		final String name;

		final String hostname;

		final Instant timestamp;

		/** From the {@code time} attribute, or {@link AttributeValues#UNREADABLE}. */
		final double seconds;

		final int depth;

		final Tally tally = new Tally();

		boolean announced;

		LinkedHashMap<String, String> properties;

		String systemOut;

		String systemErr;

		OpenSuite(String name, String hostname, Instant timestamp, double seconds, int depth) {
			this.name = name;
			this.hostname = hostname;
			this.timestamp = timestamp;
			this.seconds = seconds;
			this.depth = depth;
		}

	}

	/** Counts kept as plain fields: a {@link CaseCounts} per case would be garbage for every test case. */
	private static final class Tally {

		long tests, failures, errors, skipped, flaky;

		double caseSeconds;

		void add(CaseResult result) {
			tests++;
			switch (result.outcome()) {
				case FAILED -> failures++;
				case ERROR -> errors++;
				case SKIPPED -> skipped++;
				case PASSED -> {
				}
			}
			if (result.flaky()) {
				flaky++;
			}
			caseSeconds += result.seconds();
		}

		void add(Tally nested) {
			tests += nested.tests;
			failures += nested.failures;
			errors += nested.errors;
			skipped += nested.skipped;
			flaky += nested.flaky;
			caseSeconds += nested.caseSeconds;
		}

		CaseCounts counts() {
			return new CaseCounts(tests, failures, errors, skipped, flaky);
		}

	}

}
