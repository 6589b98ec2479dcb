package dev.tower.results.report;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The same ASCII text over and over, up to a length, without holding more than one copy of it. */
final class RepeatedBytes extends InputStream {

	private final byte[] unit;

	private final long length;

	private long position;

	RepeatedBytes(String text, long length) {
		this.unit = text.getBytes(StandardCharsets.US_ASCII);
		this.length = length;
	}

	@Override
	public int read() {
		return position < length ? unit[(int) (position++ % unit.length)] : -1;
	}

	@Override
	public int read(byte[] buffer, int offset, int count) {
		if (position >= length) {
			return -1;
		}
		int n = (int) Math.min(count, length - position);
		for (int i = 0; i < n; i++) {
			buffer[offset + i] = unit[(int) ((position + i) % unit.length)];
		}
		position += n;
		return n;
	}

}
