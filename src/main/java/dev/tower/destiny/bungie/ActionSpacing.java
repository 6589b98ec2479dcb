package dev.tower.destiny.bungie;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import dev.tower.destiny.bungie.BungieException.Kind;

/**
 * Bungie's per-player pace for actions ({@code ThrottleSecondsBetweenActionPerUser}): one player's actions run one
 * at a time, in the order asked, each starting at least {@code spacing} after the previous one ended. Measuring
 * from the end, not the start, is what keeps a slow transfer from letting the next one in too early. Different
 * players do not wait for each other.
 */
final class ActionSpacing {

	private final long spacing;

	private final BungieClient.Pause pause;

	private final ConcurrentMap<String, Lane> lanes = new ConcurrentHashMap<>();

	ActionSpacing(Duration spacing, BungieClient.Pause pause) {
		this.spacing = spacing.toNanos();
		this.pause = pause;
	}

	<T> T run(String player, Supplier<T> action) {
		Lane lane = lanes.computeIfAbsent(player, key -> new Lane());
		try {
			lane.lock.lockInterruptibly();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BungieException(Kind.UNAVAILABLE, "interrupted while waiting for the player's previous action", ex);
		}
		try {
			long wait = lane.lastEnd + spacing - System.nanoTime();
			if (lane.acted && wait > 0) {
				pause.sleep(Duration.ofNanos(wait));
			}
			try {
				return action.get();
			}
			finally {
				lane.lastEnd = System.nanoTime();
				lane.acted = true;
			}
		}
		finally {
			lane.lock.unlock();
		}
	}

	/** One player's actions: a fair lock so they go in the order asked, and when the last one ended. */
	private static final class Lane {

		final ReentrantLock lock = new ReentrantLock(true);

		long lastEnd;

		boolean acted;

	}

}
