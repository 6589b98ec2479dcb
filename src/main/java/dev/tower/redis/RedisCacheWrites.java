package dev.tower.redis;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.cache.autoconfigure.RedisCacheManagerBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.cache.RedisCacheWriter;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Spring Data Redis writes and evicts cache entries in the background by default, so a change made on one node
 * could still be served stale by another just after it returned. Tower evicts on every change and expects every
 * node to see it at once: writes finish before the call returns. When Redis does not answer, the cache steps
 * aside (see {@link TolerantCacheWriter}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.cache.type", havingValue = "redis")
class RedisCacheWrites {

	@Bean
	TolerantCacheWriter redisCacheWriter(RedisConnectionFactory redis) {
		return new TolerantCacheWriter(RedisCacheWriter.create(redis, writer -> writer.immediateWrites()));
	}

	@Bean
	RedisCacheManagerBuilderCustomizer immediateCacheWrites(TolerantCacheWriter writer) {
		return builder -> builder.cacheWriter(writer);
	}

}
