package dev.tower.account;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
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
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may do what: everything needs a signed-in user (the original's {@code @login_required}), reading is
 * open to every user, writing to admins. Features add their own {@link AccessRules} and {@link TokenScopes}: a
 * token of a narrower scope has no role, so it gets nowhere but that scope's requests. Two filter chains apply
 * the same rules: machines presenting a bearer token get a stateless chain (no session, no CSRF, no saved
 * requests), people in a browser get sessions, a login page (with a {@link SignInThrottle}) and CSRF tokens.
 * A token opens the API and the metrics only: never a page or {@code /account}, so a leaked token cannot mint
 * another one and survive its own revocation.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

	private static final RequestMatcher API = new OrRequestMatcher(PathPatternRequestMatcher.pathPattern("/api/**"),
			PathPatternRequestMatcher.pathPattern("/api_1_0/**"), PathPatternRequestMatcher.pathPattern("/actuator/**"));

	/** Where a bearer token is accepted: the JSON API and the metrics a scraper reads. */
	private static final RequestMatcher TOKEN_REQUESTS = new OrRequestMatcher(
			PathPatternRequestMatcher.pathPattern("/api/**"), PathPatternRequestMatcher.pathPattern("/api_1_0/**"),
			EndpointRequest.to("prometheus", "metrics"));

	private final List<AccessRules> features;

	private final TokenScopes scopes;

	SecurityConfiguration(List<AccessRules> features, TokenScopes scopes) {
		this.features = features;
		this.scopes = scopes;
	}

	/**
	 * Each role includes the ones below it (see {@link Role}), for every {@code hasRole} rule, whether or not an
	 * authentication lists them all.
	 */
	@Bean
	static RoleHierarchy roleHierarchy() {
		return RoleHierarchyImpl.withDefaultRolePrefix()
			.role(Roles.ADMIN).implies(Roles.USER)
			.role(Roles.USER).implies(Roles.PLAYER)
			.build();
	}

	@Bean
	@Order(1)
	SecurityFilterChain machines(HttpSecurity http, ApiTokenService tokens, JsonMapper json) throws Exception {
		ApiSecurityErrors errors = new ApiSecurityErrors(json, scopes);
		http.securityMatcher(ApiTokenAuthenticationFilter::hasBearerToken)
			.authorizeHttpRequests(this::rules)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.anonymous(AbstractHttpConfigurer::disable)
			.exceptionHandling(handling -> handling.authenticationEntryPoint(errors).accessDeniedHandler(errors))
			.addFilterBefore(new ApiTokenAuthenticationFilter(tokens, errors, TOKEN_REQUESTS), AuthorizationFilter.class);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain people(HttpSecurity http, JsonMapper json, SignInThrottle throttle, AccountService accounts,
			PageHeaders headers) throws Exception {
		ApiSecurityErrors apiErrors = new ApiSecurityErrors(json, scopes);
		// Back to the page asked for after signing in, without the "?continue" marker in the address bar.
		HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
		requestCache.setMatchingRequestParameterName(null);
		// Only pages are worth returning to; saving API requests would give every anonymous call a session.
		requestCache.setRequestMatcher(new AndRequestMatcher(PathPatternRequestMatcher.pathPattern(HttpMethod.GET, "/**"),
				new NegatedRequestMatcher(API)));
		SavedRequestAwareAuthenticationSuccessHandler backToThePage = new SavedRequestAwareAuthenticationSuccessHandler();
		backToThePage.setRequestCache(requestCache);
		http.authorizeHttpRequests(this::rules)
			.headers(headers::apply)
			.requestCache(cache -> cache.requestCache(requestCache))
			.formLogin(form -> form.loginPage("/login")
				.successHandler(throttle.clearingFailures(backToThePage))
				.failureHandler(throttle.countingFailures(new SimpleUrlAuthenticationFailureHandler("/login?error")))
				.permitAll())
			.addFilterBefore(throttle.lockOut(), UsernamePasswordAuthenticationFilter.class)
			.addFilterAfter(new EndedSessions(accounts), SecurityContextHolderFilter.class)
			.logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
			.csrf(csrf -> csrf.ignoringRequestMatchers(features.stream()
				.flatMap(rules -> rules.withoutCsrf().stream())
				.toArray(String[]::new)))
			.exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(apiErrors, API)
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), new NegatedRequestMatcher(API))
				.defaultAccessDeniedHandlerFor(apiErrors, API));
		return http.build();
	}

	private void rules(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth) {
		auth.requestMatchers("/login", "/error", "/assets/**", "/webjars/**", "/favicon.ico").permitAll()
			.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
			.requestMatchers("/actuator/**", "/admin/**").hasRole(Roles.ADMIN)
			// Every signed-in account has a home page; a player's shows what a player may open.
			.requestMatchers("/").hasRole(Roles.PLAYER);
		features.forEach(rules -> rules.apply(auth));
		// A narrower scope's requests are all its tokens may do; api tokens act as their account, which may too.
		for (TokenScope scope : scopes.declared()) {
			auth.requestMatchers(scope.requests()).hasAnyAuthority(scope.authority(), TokenScope.API.authority());
		}
		// A role, not mere authentication: a narrower token is authenticated but must not read.
		auth.requestMatchers(HttpMethod.GET, "/api/**").hasRole(Roles.USER)
			.requestMatchers("/api/**").hasRole(Roles.ADMIN)
			// Likewise for pages and the original's /api_1_0 routes; players have no ROLE_USER.
			.anyRequest().hasRole(Roles.USER);
	}

}
