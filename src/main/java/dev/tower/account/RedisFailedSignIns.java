package dev.tower.account;

import java.time.Duration;
import java.util.List;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/** {@link FailedSignIns} shared by every node through Redis: a counter per key that expires with its window. */
class RedisFailedSignIns implements FailedSignIns {

	private static final String PREFIX = "tower:sign-in:failures:";

	/** Counts and starts the window in one step, so a counter can never be left without its expiry. */
	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> ADD = RedisScript.of("""
			local count = redis.call('INCR', KEYS[1])
			if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
			return {count, redis.call('PTTL', KEYS[1])}""", List.class);

	private final StringRedisTemplate redis;

	RedisFailedSignIns(StringRedisTemplate redis) {
		this.redis = redis;
	}

	@Override
	public Tally add(String key, Duration window) {
		List<?> counted = redis.execute(ADD, List.of(PREFIX + key), Long.toString(window.toMillis()));
		return new Tally(((Number) counted.get(0)).longValue(), Duration.ofMillis(((Number) counted.get(1)).longValue()));
	}

	@Override
	public Tally get(String key) {
		String count = redis.opsForValue().get(PREFIX + key);
		Long left = redis.getExpire(PREFIX + key, java.util.concurrent.TimeUnit.MILLISECONDS);
		return count == null || left == null || left <= 0 ? Tally.NONE
				: new Tally(Long.parseLong(count), Duration.ofMillis(left));
	}

	@Override
	public void clear(String key) {
		redis.delete(PREFIX + key);
	}

}
