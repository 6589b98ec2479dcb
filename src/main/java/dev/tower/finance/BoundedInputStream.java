package dev.tower.finance;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Stops reading past a limit, for bodies that arrive without a length (chunked uploads). */
class BoundedInputStream extends FilterInputStream {

	private final long limit;

	private long read;

	BoundedInputStream(InputStream in, long limit) {
		super(in);
		this.limit = limit;
	}

	@Override
	public int read() throws IOException {
		int b = super.read();
		count(b < 0 ? 0 : 1);
		return b;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		int n = super.read(buffer, offset, length);
		count(Math.max(n, 0));
		return n;
	}

	private void count(int n) {
		read += n;
		if (read > limit) {
			throw new MalformedImportException("the file is larger than the %d MB an import may be".formatted(limit >> 20));
		}
	}

}
