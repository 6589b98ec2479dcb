package dev.tower.results.report;

import java.io.IOException;

/**
 * Thrown from inside the reading chain (size limit, markup guard, decoding), so that it travels through the XML
 * parser like any read failure; the parser turns it back into a {@link MalformedReportException} with this message.
 */
final class RefusedInput extends IOException {

	RefusedInput(String reason) {
		super(reason);
	}

}
