package dev.tower.results.report;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts what the parser actually took from a source. */
final class CountingInputStream extends FilterInputStream {

	long count;

	CountingInputStream(InputStream in) {
		super(in);
	}

	@Override
	public int read() throws IOException {
		int b = in.read();
		count += b < 0 ? 0 : 1;
		return b;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		int n = in.read(buffer, offset, length);
		count += Math.max(n, 0);
		return n;
	}

	@Override
	public long skip(long n) throws IOException {
		long skipped = in.skip(n);
		count += skipped;
		return skipped;
	}

}
