package dev.tower.results.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;

/**
 * Decodes bytes to characters like {@link java.io.InputStreamReader}, but hands over every character decoded before
 * a malformed byte prior to reporting it, so whoever counts characters knows exactly where the bad byte is
 * (InputStreamReader drops the characters of the read that fails).
 */
final class DecodingReader extends Reader {

	private final InputStream in;

	private final CharsetDecoder decoder;

	private final ByteBuffer bytes = ByteBuffer.allocate(16 * 1024).flip();

	private boolean endOfInput;

	private boolean flushed;

	DecodingReader(InputStream in, CharsetDecoder decoder) {
		this.in = in;
		this.decoder = decoder;
	}

	@Override
	public int read(char[] buffer, int offset, int length) throws IOException {
		if (flushed) {
			return -1;
		}
		if (length == 0) {
			return 0;
		}
		CharBuffer out = CharBuffer.wrap(buffer, offset, length);
		while (true) {
			CoderResult result = decoder.decode(bytes, out, endOfInput);
			if (result.isError()) {
				if (out.position() > offset) {
					break; // the error again on the next call, after these characters
				}
				result.throwException();
			}
			if (result.isOverflow() || out.position() > offset) {
				break;
			}
			if (endOfInput) {
				if (!flushed) {
					decoder.flush(out);
					flushed = true;
				}
				break;
			}
			bytes.compact();
			int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
			if (n < 0) {
				endOfInput = true;
			}
			else {
				bytes.position(bytes.position() + n);
			}
			bytes.flip();
		}
		int n = out.position() - offset;
		return n == 0 && flushed ? -1 : n;
	}

	@Override
	public void close() {
		// the stream belongs to the caller
	}

}
