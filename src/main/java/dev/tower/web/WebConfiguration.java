package dev.tower.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

@ConditionalOnWebApplication
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	/** Outside every other filter, the session's and the security chain's included, since they may be what failed. */
	@Bean
	FilterRegistrationBean<OutageFilter> outageFilter(JsonMapper json) {
		FilterRegistrationBean<OutageFilter> registration = new FilterRegistrationBean<>(new OutageFilter(json));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new CurrentUserInterceptor()).excludePathPatterns("/api/**", "/api_1_0/**", "/assets/**", "/webjars/**");
	}

}
