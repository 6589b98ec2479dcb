package dev.tower.results.report;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Counts the bytes read and refuses the report once it is larger than the limit. Never asks the source for more
 * than one byte past the limit, so refusing a huge upload costs no more than reading the limit.
 */
final class LimitedInputStream extends FilterInputStream {

	private final long limit;

	private long count;

	LimitedInputStream(InputStream in, long limit) {
		super(in);
		this.limit = limit;
	}

	long count() {
		return count;
	}

	@Override
	public int read() throws IOException {
		int b = in.read();
		if (b >= 0) {
			counted(1);
		}
		return b;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		if (length == 0) {
			return 0;
		}
		long remaining = limit - count;
		int n = in.read(buffer, offset, remaining < length ? (int) remaining + 1 : length);
		if (n > 0) {
			counted(n);
		}
		return n;
	}

	@Override
	public long skip(long n) throws IOException {
		long remaining = limit - count;
		long skipped = in.skip(remaining < n ? remaining + 1 : n);
		if (skipped > 0) {
			counted(skipped);
		}
		return skipped;
	}

	private void counted(long n) throws RefusedInput {
		count += n;
		if (count > limit) {
			throw new RefusedInput("the report is larger than the " + size(limit) + " limit");
		}
	}

	static String size(long bytes) {
		if (bytes < 1024) {
			return bytes + " bytes";
		}
		String[] units = { "KB", "MB", "GB", "TB" };
		double value = bytes / 1024.0;
		int unit = 0;
		while (value >= 1024 && unit < units.length - 1) {
			value /= 1024;
			unit++;
		}
		return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
	}

}
