package dev.tower.redis;

import dev.tower.TowerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.CacheManager;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.session.SessionRepository;

import static org.assertj.core.api.Assertions.assertThat;

/** Without REDIS_URL nothing reaches for Redis: sessions and the cache stay in memory. */
@TowerTest
class InMemoryFallbackTests {

	@Autowired
	ApplicationContext context;

	@Test
	void withoutRedisUrlSessionsAndTheCacheStayInMemory() {
		assertThat(context.getBeanProvider(RedisConnectionFactory.class).getIfAvailable()).isNull();
		assertThat(context.getBeanProvider(SessionRepository.class).getIfAvailable()).isNull();
		assertThat(context.getBean(CacheManager.class)).isInstanceOf(CaffeineCacheManager.class);
	}

}
