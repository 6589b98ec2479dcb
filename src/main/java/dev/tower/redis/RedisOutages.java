package dev.tower.redis;

import java.time.Duration;

import io.lettuce.core.ClientOptions.DisconnectedBehavior;
import io.lettuce.core.resource.Delay;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * While Redis is away, a call fails at once instead of queueing until its timeout (spring.data.redis.timeout), so
 * requests that use Redis answer without it and the request threads stay free for those that do not. The client
 * tries to reconnect at least every 2 s, so it notices within seconds that Redis is back.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.data.redis.url")
class RedisOutages {

	@Bean
	LettuceClientOptionsBuilderCustomizer failWhileDisconnected() {
		return options -> options.disconnectedBehavior(DisconnectedBehavior.REJECT_COMMANDS);
	}

	@Bean
	ClientResourcesBuilderCustomizer reconnectWithinSeconds() {
		return resources -> resources.reconnectDelay(Delay.exponential(Duration.ofMillis(100), Duration.ofSeconds(2), 2,
				java.util.concurrent.TimeUnit.MILLISECONDS));
	}

}
