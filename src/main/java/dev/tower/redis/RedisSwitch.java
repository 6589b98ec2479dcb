package dev.tower.redis;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Turns Redis on only when {@code REDIS_URL} (the original's variable) is set: then HTTP sessions live in Redis, so
 * a user stays signed in across web nodes, and the cache is shared; otherwise both stay in memory and nothing
 * tries to reach a Redis that is not there.
 */
public class RedisSwitch implements EnvironmentPostProcessor, Ordered {

	static final String SOURCE = "towerRedis";

	private static final List<String> REDIS_AUTO_CONFIGURATION = List.of(
			"org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
			"org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration",
			"org.springframework.boot.data.redis.autoconfigure.DataRedisRepositoriesAutoConfiguration",
			"org.springframework.boot.data.redis.autoconfigure.health.DataRedisHealthContributorAutoConfiguration",
			"org.springframework.boot.data.redis.autoconfigure.health.DataRedisReactiveHealthContributorAutoConfiguration",
			"org.springframework.boot.data.redis.autoconfigure.observation.LettuceObservationAutoConfiguration",
			"org.springframework.boot.session.data.redis.autoconfigure.SessionDataRedisAutoConfiguration",
			"org.springframework.boot.session.autoconfigure.SessionAutoConfiguration",
			"org.springframework.boot.session.autoconfigure.SessionsEndpointAutoConfiguration");

	@Override
	public int getOrder() {
		// After application.yml is read, so its own exclusions are kept.
		return ConfigDataEnvironmentPostProcessor.ORDER + 1;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String url = environment.getProperty("REDIS_URL", "").trim();
		Map<String, Object> properties = new HashMap<>();
		if (StringUtils.hasText(url)) {
			properties.put("spring.data.redis.url", url);
			properties.put("spring.cache.type", "redis");
		}
		else {
			Set<String> excluded = new LinkedHashSet<>(StringUtils.commaDelimitedListToSet(
					environment.getProperty("spring.autoconfigure.exclude", "")));
			excluded.addAll(REDIS_AUTO_CONFIGURATION);
			excluded.remove("");
			properties.put("spring.autoconfigure.exclude", String.join(",", excluded));
		}
		environment.getPropertySources().addFirst(new MapPropertySource(SOURCE, properties));
	}

}
