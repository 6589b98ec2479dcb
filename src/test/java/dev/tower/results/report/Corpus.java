package dev.tower.results.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The hand-written reports in src/test/resources/results/junit. */
final class Corpus {

	private Corpus() {
	}

	static byte[] bytes(String file) {
		try (InputStream in = Corpus.class.getResourceAsStream("/results/junit/" + file)) {
			if (in == null) {
				throw new IllegalArgumentException("no corpus file " + file);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static InputStream open(String file) {
		return new ByteArrayInputStream(bytes(file));
	}

	/** A corpus file with {@code PORT} replaced, for the reports that point at a local server. */
	static InputStream open(String file, int port) {
		String xml = new String(bytes(file), StandardCharsets.UTF_8).replace("PORT", Integer.toString(port));
		return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
	}

}
