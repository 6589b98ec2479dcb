package dev.tower.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small, realistic Surefire-style reports for the tests: {@code passed} passing cases, then failures and skips. */
public final class Reports {

	private Reports() {
	}

	public static String report(String suite, int passed, int failed, int skipped) {
		return report(suite, "localhost", passed, failed, skipped);
	}

	public static String report(String suite, String hostname, int passed, int failed, int skipped) {
		StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
		xml.append("<testsuite name=\"").append(suite).append("\" hostname=\"").append(hostname).append("\" tests=\"").append(passed + failed + skipped)
			.append("\" failures=\"").append(failed).append("\" skipped=\"").append(skipped)
			.append("\" time=\"1.5\" timestamp=\"2026-11-20T02:00:00\">\n");
		for (int i = 0; i < passed; i++) {
			xml.append("  <testcase classname=\"").append(suite).append("\" name=\"passes").append(i).append("\" time=\"0.010\"/>\n");
		}
		for (int i = 0; i < failed; i++) {
			xml.append("  <testcase classname=\"").append(suite).append("\" name=\"fails").append(i).append("\" time=\"0.250\">\n")
				.append("    <failure message=\"expected 2 but was 3\" type=\"org.opentest4j.AssertionFailedError\">")
				.append("org.opentest4j.AssertionFailedError: expected 2 but was 3\n\tat ").append(suite).append(".fails(Test.java:42)")
				.append("</failure>\n  </testcase>\n");
		}
		for (int i = 0; i < skipped; i++) {
			xml.append("  <testcase classname=\"").append(suite).append("\" name=\"skips").append(i).append("\" time=\"0\"><skipped/></testcase>\n");
		}
		return xml.append("</testsuite>\n").toString();
	}

	public static Path write(Path dir, String name, String content) {
		try {
			Files.createDirectories(dir);
			return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
