package dev.tower.account;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may do what: everything needs a signed-in user (the original's {@code @login_required}), reading is
 * open to every user, writing to admins. Uploading test results needs a token with the upload scope (which
 * api tokens have too); an upload-only token has no role, so it gets nowhere else. Two filter chains apply
 * the same rules: machines presenting a bearer token get a stateless chain (no session, no CSRF, no saved
 * requests), people in a browser get sessions, a login page (with a {@link SignInThrottle}) and CSRF tokens.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

	private static final RequestMatcher API = new OrRequestMatcher(PathPatternRequestMatcher.pathPattern("/api/**"),
			PathPatternRequestMatcher.pathPattern("/api_1_0/**"), PathPatternRequestMatcher.pathPattern("/actuator/**"));

	/** Where test machines push results: the one thing an upload token may do. */
	static final RequestMatcher UPLOAD_RESULTS = new OrRequestMatcher(
			PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/api/v1/results"),
			PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/api/v1/results/"));

	@Bean
	@Order(1)
	SecurityFilterChain machines(HttpSecurity http, ApiTokenService tokens, JsonMapper json) throws Exception {
		ApiSecurityErrors errors = new ApiSecurityErrors(json);
		http.securityMatcher(ApiTokenAuthenticationFilter::hasBearerToken)
			.authorizeHttpRequests(SecurityConfiguration::rules)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.anonymous(AbstractHttpConfigurer::disable)
			.exceptionHandling(handling -> handling.authenticationEntryPoint(errors).accessDeniedHandler(errors))
			.addFilterBefore(new ApiTokenAuthenticationFilter(tokens, errors), AuthorizationFilter.class);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain people(HttpSecurity http, JsonMapper json, SignInThrottle throttle) throws Exception {
		ApiSecurityErrors apiErrors = new ApiSecurityErrors(json);
		// Back to the page asked for after signing in, without the "?continue" marker in the address bar.
		HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
		requestCache.setMatchingRequestParameterName(null);
		// Only pages are worth returning to; saving API requests would give every anonymous call a session.
		requestCache.setRequestMatcher(new AndRequestMatcher(PathPatternRequestMatcher.pathPattern(HttpMethod.GET, "/**"),
				new NegatedRequestMatcher(API)));
		SavedRequestAwareAuthenticationSuccessHandler backToThePage = new SavedRequestAwareAuthenticationSuccessHandler();
		backToThePage.setRequestCache(requestCache);
		http.authorizeHttpRequests(SecurityConfiguration::rules)
			.requestCache(cache -> cache.requestCache(requestCache))
			.formLogin(form -> form.loginPage("/login")
				.successHandler(throttle.clearingFailures(backToThePage))
				.failureHandler(throttle.countingFailures(new SimpleUrlAuthenticationFailureHandler("/login?error")))
				.permitAll())
			.addFilterBefore(throttle.lockOut(), UsernamePasswordAuthenticationFilter.class)
			.logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
			.csrf(Customizer.withDefaults())
			.exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(apiErrors, API)
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), new NegatedRequestMatcher(API))
				.defaultAccessDeniedHandlerFor(apiErrors, API));
		return http.build();
	}

	private static void rules(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth) {
		auth.requestMatchers("/login", "/error", "/assets/**", "/webjars/**", "/favicon.svg", "/favicon.ico").permitAll()
			.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
			// Bungie.net login signs people in, so strangers must reach it (its callback checks the OAuth state).
			.requestMatchers(HttpMethod.GET, "/destiny/login", "/destiny/callback").permitAll()
			.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
			.requestMatchers("/actuator/**", "/admin/**", "/destiny/manifest", "/destiny/manifest/**").hasRole(Roles.ADMIN)
			.requestMatchers(UPLOAD_RESULTS).hasAuthority(TokenScope.UPLOAD.authority())
			// A role, not mere authentication: an upload-only token is authenticated but must not read.
			.requestMatchers(HttpMethod.GET, "/api/**").hasRole(Roles.USER)
			.requestMatchers("/api/**").hasRole(Roles.ADMIN)
			// Likewise for pages and the original's /api_1_0 routes; every signed-in person has ROLE_USER.
			.anyRequest().hasRole(Roles.USER);
	}

}
