package dev.tower.destiny.bungie;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * An answer's body that gives up when Bungie stops sending it. Java's HTTP client times out only until the headers
 * arrive; a body that stalls after them would hold a player's page, or the manifest job, for ever. A read that
 * waits longer than {@code limit} for a byte closes the connection and fails with an {@link HttpTimeoutException}.
 * Time the caller spends between reads does not count: only Bungie's silence does.
 */
final class StallGuard extends FilterInputStream {

	private static final ScheduledExecutorService WATCH = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "bungie-stall-guard");
		thread.setDaemon(true);
		return thread;
	});

	private final long limitNanos;

	private final ScheduledFuture<?> watch;

	/** When the read under way began, or 0 between reads. */
	private volatile long readingSince;

	private volatile boolean stalled;

	StallGuard(InputStream body, Duration limit) {
		super(body);
		this.limitNanos = limit.toNanos();
		long every = Math.max(limit.toMillis() / 4, 10);
		this.watch = WATCH.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
	}

	@Override
	public int read() throws IOException {
		byte[] one = new byte[1];
		return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		readingSince = System.nanoTime();
		try {
			int read = super.read(buffer, offset, length);
			if (read < 0 && stalled) {
				throw stall(null);
			}
			return read;
		}
		catch (IOException ex) {
			throw stalled ? stall(ex) : ex;
		}
		finally {
			readingSince = 0;
		}
	}

	@Override
	public void close() throws IOException {
		watch.cancel(false);
		super.close();
	}

	private void check() {
		long since = readingSince;
		if (since != 0 && System.nanoTime() - since > limitNanos) {
			stalled = true;
			watch.cancel(false);
			try {
				in.close(); // wakes the blocked read
			}
			catch (IOException ignored) {
				// the read fails either way
			}
		}
	}

	private HttpTimeoutException stall(IOException cause) {
		HttpTimeoutException stall = new HttpTimeoutException(
				"Bungie.net sent nothing for " + TimeUnit.NANOSECONDS.toMillis(limitNanos) + " ms mid-answer");
		if (cause != null) {
			stall.initCause(cause);
		}
		return stall;
	}

}
