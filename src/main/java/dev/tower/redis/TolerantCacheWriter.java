package dev.tower.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.cache.CacheStatistics;
import org.springframework.data.redis.cache.CacheStatisticsCollector;
import org.springframework.data.redis.cache.RedisCacheWriter;
import org.springframework.data.redis.connection.RedisConnection;

/**
 * The cache only saves the database some work, so while Redis does not answer a read is a miss, a write is
 * skipped and the database answers: never an error. An eviction Redis misses would leave the old value to be
 * served for the rest of its time to live once Redis is back, so it is kept and sent again: before this node
 * trusts the cache again, and every second (for the other nodes) until Redis takes it.
 */
final class TolerantCacheWriter implements RedisCacheWriter, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(TolerantCacheWriter.class);

	/** How often missed evictions are sent again, and how long after a failed attempt the cache stays bypassed. */
	static final Duration RETRY = Duration.ofSeconds(1);

	private final RedisCacheWriter redis;

	private final Missed missed;

	TolerantCacheWriter(RedisCacheWriter redis) {
		this(redis, new Missed());
		missed.retryEvery(RETRY, redis);
	}

	private TolerantCacheWriter(RedisCacheWriter redis, Missed missed) {
		this.redis = redis;
		this.missed = missed;
	}

	@Override
	public byte[] get(String name, byte[] key) {
		return read(() -> redis.get(name, key));
	}

	@Override
	public byte[] get(String name, byte[] key, Duration ttl) {
		return read(() -> redis.get(name, key, ttl));
	}

	@Override
	public byte[] get(String name, byte[] key, Supplier<byte[]> loader, Duration ttl, boolean timeToIdle) {
		LoadOnce once = new LoadOnce(loader);
		if (!missed.sentAgain(redis)) {
			return once.get();
		}
		try {
			byte[] value = redis.get(name, key, once, ttl, timeToIdle);
			missed.answered();
			return value;
		}
		catch (RuntimeException ex) {
			missed.failed("read", ex);
			return once.get();
		}
	}

	@Override
	public boolean supportsAsyncRetrieve() {
		return redis.supportsAsyncRetrieve();
	}

	@Override
	public CompletableFuture<byte[]> retrieve(String name, byte[] key, Duration ttl) {
		if (!missed.sentAgain(redis)) {
			return CompletableFuture.completedFuture(null);
		}
		try {
			return redis.retrieve(name, key, ttl).exceptionally(ex -> {
				missed.failed("read", ex);
				return null;
			});
		}
		catch (RuntimeException ex) {
			missed.failed("read", ex);
			return CompletableFuture.completedFuture(null);
		}
	}

	@Override
	public void put(String name, byte[] key, byte[] value, Duration ttl) {
		write(() -> redis.put(name, key, value, ttl));
	}

	@Override
	public CompletableFuture<Void> store(String name, byte[] key, byte[] value, Duration ttl) {
		if (!missed.sentAgain(redis)) {
			return CompletableFuture.completedFuture(null);
		}
		try {
			return redis.store(name, key, value, ttl).exceptionally(ex -> {
				missed.failed("write", ex);
				return null;
			});
		}
		catch (RuntimeException ex) {
			missed.failed("write", ex);
			return CompletableFuture.completedFuture(null);
		}
	}

	@Override
	public byte[] putIfAbsent(String name, byte[] key, byte[] value, Duration ttl) {
		return read(() -> redis.putIfAbsent(name, key, value, ttl));
	}

	@Override
	public void evict(String name, byte[] key) {
		remove(new Removal(name, key, false));
	}

	@Override
	public boolean evictIfPresent(String name, byte[] key) {
		evict(name, key);
		return false;
	}

	@Override
	public void clear(String name, byte[] pattern) {
		remove(new Removal(name, pattern, true));
	}

	@Override
	public boolean invalidate(String name, byte[] pattern) {
		clear(name, pattern);
		return false;
	}

	@Override
	public void clearStatistics(String name) {
		redis.clearStatistics(name);
	}

	@Override
	public CacheStatistics getCacheStatistics(String cacheName) {
		return redis.getCacheStatistics(cacheName);
	}

	@Override
	public RedisCacheWriter withStatisticsCollector(CacheStatisticsCollector collector) {
		return new TolerantCacheWriter(redis.withStatisticsCollector(collector), missed);
	}

	@Override
	public <T> T execute(Function<RedisConnection, T> callback) {
		return redis.execute(callback);
	}

	@Override
	public void close() {
		missed.close();
	}

	private byte[] read(Supplier<byte[]> read) {
		if (!missed.sentAgain(redis)) {
			return null;
		}
		try {
			byte[] value = read.get();
			missed.answered();
			return value;
		}
		catch (RuntimeException ex) {
			missed.failed("read", ex);
			return null;
		}
	}

	private void write(Runnable write) {
		if (!missed.sentAgain(redis)) {
			return;
		}
		try {
			write.run();
			missed.answered();
		}
		catch (RuntimeException ex) {
			missed.failed("write", ex);
		}
	}

	private void remove(Removal removal) {
		if (missed.recentlyFailed()) {
			missed.removals.add(removal);
			return;
		}
		try {
			removal.sendTo(redis);
			missed.answered();
		}
		catch (RuntimeException ex) {
			missed.removals.add(removal);
			missed.failed("eviction", ex);
		}
	}

	/** An eviction (one key) or a clear (a key pattern) of one cache; keys kept as Latin-1 text to compare them. */
	record Removal(String cache, String key, boolean pattern) {

		Removal(String cache, byte[] key, boolean pattern) {
			this(cache, new String(key, StandardCharsets.ISO_8859_1), pattern);
		}

		void sendTo(RedisCacheWriter redis) {
			byte[] bytes = key.getBytes(StandardCharsets.ISO_8859_1);
			if (pattern) {
				redis.clear(cache, bytes);
			}
			else {
				redis.evict(cache, bytes);
			}
		}

	}

	/** What Redis missed, shared by a writer and its statistics-collecting copies. */
	private static final class Missed implements AutoCloseable {

		final Set<Removal> removals = ConcurrentHashMap.newKeySet();

		final AtomicBoolean down = new AtomicBoolean();

		volatile long lastFailure = System.nanoTime() - RETRY.toNanos();

		ScheduledExecutorService retries;

		/**
		 * True when the cache may be used: Redis did not just fail, and it holds nothing stale that this node knows
		 * of (nothing was missed, or all of it has just been sent). For {@link #RETRY} after a failure no request
		 * waits for Redis.
		 */
		boolean sentAgain(RedisCacheWriter redis) {
			if (recentlyFailed()) {
				return false;
			}
			for (Removal removal : removals) {
				try {
					removal.sendTo(redis);
					removals.remove(removal);
				}
				catch (RuntimeException ex) {
					failed("eviction", ex);
					return false;
				}
			}
			return true;
		}

		boolean recentlyFailed() {
			return System.nanoTime() - lastFailure < RETRY.toNanos();
		}

		void failed(String what, Throwable ex) {
			lastFailure = System.nanoTime();
			if (down.compareAndSet(false, true)) {
				log.warn("Redis did not take a cache {} ({}): the cache is bypassed until it answers", what, ex.getMessage());
			}
		}

		void answered() {
			if (down.get() && removals.isEmpty() && down.compareAndSet(true, false)) {
				log.info("Redis answers again: the cache is in use, and the evictions it missed are done");
			}
		}

		synchronized void retryEvery(Duration interval, RedisCacheWriter redis) {
			if (retries == null) {
				retries = Executors.newSingleThreadScheduledExecutor(task -> {
					Thread thread = new Thread(task, "redis-cache-evictions");
					thread.setDaemon(true);
					return thread;
				});
				retries.scheduleWithFixedDelay(() -> {
					if (!removals.isEmpty() && sentAgain(redis)) {
						answered();
					}
				}, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
			}
		}

		@Override
		public synchronized void close() {
			if (retries != null) {
				retries.shutdownNow();
			}
		}

	}

	/** A value loader that runs at most once, so a failure after it ran does not query the database twice. */
	private static final class LoadOnce implements Supplier<byte[]> {

		private final Supplier<byte[]> loader;

		private boolean loaded;

		private byte[] value;

		LoadOnce(Supplier<byte[]> loader) {
			this.loader = loader;
		}

		@Override
		public synchronized byte[] get() {
			if (!loaded) {
				value = loader.get();
				loaded = true;
			}
			return value;
		}

	}

}
