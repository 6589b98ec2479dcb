package dev.tower.account;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may do what: everything needs a signed-in user (the original's {@code @login_required}),
 * reading is open to every user, writing to admins. Browsers use a session and CSRF tokens,
 * machines a bearer token.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, ApiTokenService tokens, JsonMapper json) throws Exception {
		ApiSecurityErrors apiErrors = new ApiSecurityErrors(json);
		// Back to the page asked for after signing in, without the "?continue" marker in the address bar.
		HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
		requestCache.setMatchingRequestParameterName(null);
		RequestMatcher api = new OrRequestMatcher(PathPatternRequestMatcher.pathPattern("/api/**"),
				PathPatternRequestMatcher.pathPattern("/api_1_0/**"), PathPatternRequestMatcher.pathPattern("/actuator/**"));
		http.authorizeHttpRequests(auth -> auth
			.requestMatchers("/login", "/error", "/assets/**", "/webjars/**", "/favicon.svg", "/favicon.ico").permitAll()
			.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
			.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
			.requestMatchers("/actuator/**", "/admin/**").hasRole(Roles.ADMIN)
			.requestMatchers(HttpMethod.GET, "/api/**").authenticated()
			.requestMatchers("/api/**").hasRole(Roles.ADMIN)
			.anyRequest().authenticated())
			.requestCache(cache -> cache.requestCache(requestCache))
			.formLogin(form -> form.loginPage("/login").permitAll())
			.logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
			.csrf(csrf -> csrf.ignoringRequestMatchers(ApiTokenAuthenticationFilter::hasBearerToken))
			.exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(apiErrors, api)
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), new NegatedRequestMatcher(api))
				.defaultAccessDeniedHandlerFor(apiErrors, api))
			.addFilterBefore(new ApiTokenAuthenticationFilter(tokens, apiErrors), UsernamePasswordAuthenticationFilter.class);
		return http.build();
	}

}
