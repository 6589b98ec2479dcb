package dev.tower.destiny.inventory;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

import dev.tower.destiny.bungie.BungieClient;
import dev.tower.destiny.bungie.BungieProperties;
import dev.tower.destiny.manifest.Definitions;

@Configuration(proxyBeanMethods = false)
class InventoryConfiguration {

	/**
	 * Bungie.net when an application is configured; the bundled demo board otherwise, whose Xûr keeps the real week
	 * by the system clock (or a {@link Clock} bean, as the tests give).
	 */
	@Bean
	DestinyApi destinyApi(BungieProperties properties, BungieClient bungie, Definitions definitions, JsonMapper json,
			ObjectProvider<Clock> clock) {
		return properties.configured() ? new BungieDestinyApi(bungie)
				: new DemoDestinyApi(definitions, json, clock.getIfAvailable(Clock::systemUTC));
	}

}
