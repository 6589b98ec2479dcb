package dev.tower.destiny.bungie;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The pace of this process's requests to Bungie.net: at most {@code perSecond} on average, with up to one second's
 * worth at once after a quiet spell (a token bucket kept as the time the next request is free, so waiting callers
 * are served in the order they asked). Bungie throttles per source IP over a rolling 10-second window, so any 10
 * seconds hold at most {@code 11 * perSecond} requests from here.
 */
final class RequestRate {

	private final long interval;

	private final long burst;

	/** Nanoseconds, {@link System#nanoTime()} but in tests. */
	private final LongSupplier clock;

	/** When the next request may go, on the clock. */
	private long nextFree;

	RequestRate(double perSecond) {
		this(perSecond, System::nanoTime);
	}

	RequestRate(double perSecond, LongSupplier clock) {
		this.clock = clock;
		this.interval = Math.max(1, (long) (1_000_000_000L / perSecond));
		this.burst = (Math.max(1, (long) perSecond) - 1) * interval;
		this.nextFree = clock.getAsLong() - burst; // quiet so far: a full second's worth may go at once
	}

	/**
	 * Reserves the next slot if it comes within {@code patience}; returns how long to wait for it, or null (and
	 * reserves nothing) if it is further away.
	 */
	synchronized Duration reserve(Duration patience) {
		long now = clock.getAsLong();
		long slot = Math.max(nextFree, now - burst);
		long wait = slot - now;
		if (wait > patience.toNanos()) {
			return null;
		}
		nextFree = slot + interval;
		return Duration.ofNanos(Math.max(0, wait));
	}

	/** How long until a request could go now. */
	synchronized Duration backlog() {
		return Duration.ofNanos(Math.max(0, nextFree - clock.getAsLong()));
	}

	/** Bungie said this IP must wait: no request leaves before {@code pause} has passed. */
	synchronized void holdOff(Duration pause) {
		nextFree = Math.max(nextFree, clock.getAsLong() + pause.toNanos());
	}

}
