package dev.tower.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@link FailedSignIns} for a single node. Stale windows are dropped as new failures come in. */
class MemoryFailedSignIns implements FailedSignIns {

	/** Above this many keys, each new failure first sweeps out the windows that have passed. */
	private static final int SWEEP_ABOVE = 10_000;

	private record Window(long count, Instant ends) {
	}

	private final Map<String, Window> windows = new ConcurrentHashMap<>();

	private final Clock clock;

	MemoryFailedSignIns(Clock clock) {
		this.clock = clock;
	}

	@Override
	public Tally add(String key, Duration window) {
		Instant now = clock.instant();
		if (windows.size() > SWEEP_ABOVE) {
			windows.values().removeIf(w -> !w.ends().isAfter(now));
		}
		Window counted = windows.compute(key, (k, w) -> w == null || !w.ends().isAfter(now) ? new Window(1, now.plus(window))
				: new Window(w.count() + 1, w.ends()));
		return new Tally(counted.count(), Duration.between(now, counted.ends()));
	}

	@Override
	public Tally get(String key) {
		Instant now = clock.instant();
		Window window = windows.get(key);
		return window == null || !window.ends().isAfter(now) ? Tally.NONE
				: new Tally(window.count(), Duration.between(now, window.ends()));
	}

	@Override
	public void clear(String key) {
		windows.remove(key);
	}

}
