package dev.tower.results.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a report's encoding the way XML says to (byte order mark, then the encoding declaration, else UTF-8) and
 * decodes it. Decoding here rather than inside the XML parser keeps encoding errors ours to word (the JDK's parser
 * prints them to stderr) and lets {@link MarkupGuard} see characters.
 */
final class ReportEncoding {

	/** Enough for any XML declaration, and for UTF-16 sniffing. */
	private static final int HEAD = 512;

	private static final Pattern DECLARED = Pattern.compile("^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z][A-Za-z0-9._:-]*)[\"']");

	private ReportEncoding() {
	}

	/** Reads the head of the report to pick the charset, then decodes all of it, strictly. */
	static Reader open(InputStream in) throws IOException {
		byte[] head = in.readNBytes(HEAD);
		if (head.length == 0) {
			throw new RefusedInput("line 1, column 1: the report is empty");
		}
		int bom = 0;
		Charset charset;
		if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
			charset = StandardCharsets.UTF_8;
			bom = 3;
		}
		else if (startsWith(head, 0xFE, 0xFF)) {
			charset = StandardCharsets.UTF_16BE;
			bom = 2;
		}
		else if (startsWith(head, 0xFF, 0xFE)) {
			charset = StandardCharsets.UTF_16LE;
			bom = 2;
		}
		else if (startsWith(head, 0x00, '<')) {
			charset = StandardCharsets.UTF_16BE;
		}
		else if (startsWith(head, '<', 0x00)) {
			charset = StandardCharsets.UTF_16LE;
		}
		else {
			charset = declared(new String(head, StandardCharsets.ISO_8859_1));
		}
		InputStream bytes = new SequenceInputStream(new ByteArrayInputStream(head, bom, head.length - bom), in);
		// Malformed bytes are refused (binary files, a wrong declaration); unmappable ones cannot occur when decoding
		// to UTF-16, except for the few holes of single-byte charsets such as windows-1252, which become U+FFFD.
		return new MarkupGuard(new DecodingReader(bytes, charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPLACE)), charset.name());
	}

	private static Charset declared(String head) throws RefusedInput {
		Matcher declaration = DECLARED.matcher(head);
		if (!declaration.find()) {
			return StandardCharsets.UTF_8;
		}
		String name = declaration.group(1);
		Charset charset;
		try {
			charset = Charset.forName(name);
		}
		catch (IllegalCharsetNameException | UnsupportedCharsetException ex) {
			throw new RefusedInput("line 1, column 1: unsupported encoding \"" + name + "\" in the XML declaration");
		}
		// The bytes read as ASCII, so a UTF-16 or UTF-32 declaration is wrong: .NET writers that declare utf-16
		// and save UTF-8 are the usual case.
		boolean wide = charset.name().startsWith("UTF-16") || charset.name().startsWith("UTF-32");
		return wide ? StandardCharsets.UTF_8 : charset;
	}

	private static boolean startsWith(byte[] head, int... prefix) {
		if (head.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((head[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}
