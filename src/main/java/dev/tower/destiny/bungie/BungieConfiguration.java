package dev.tower.destiny.bungie;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BungieProperties.class)
class BungieConfiguration {
}
