package dev.tower.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * Numbers must arrive as JSON numbers. Jackson would otherwise read {@code "null"} or an empty string as a
 * missing amount, and {@code "1e5"} as a hundred thousand: a typo would silently erase or change money.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration {

	@Bean
	JsonMapperBuilderCustomizer numbersMustBeNumbers() {
		return builder -> {
			for (LogicalType type : new LogicalType[] { LogicalType.Integer, LogicalType.Float }) {
				builder.withCoercionConfig(type, config -> {
					config.setCoercion(CoercionInputShape.String, CoercionAction.Fail);
					config.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
				});
			}
		};
	}

}
