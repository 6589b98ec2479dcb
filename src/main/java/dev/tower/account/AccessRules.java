package dev.tower.account;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A feature's own say in who may reach its addresses, declared as a bean beside the controllers it guards. Account
 * applies every feature's rules to both filter chains (bearer tokens and browsers), after its own (sign-in, health,
 * admins only under {@code /admin/**}) and before its catch-all: reading needs a signed-in user, writing
 * to {@code /api/**} an admin. Not a {@code Customizer} bean: Spring Security applies those to every chain first.
 */
public interface AccessRules {

	void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests);

	/** Paths posted to from outside Tower's pages (a mail client's one-click unsubscribe): no CSRF token is asked. */
	default java.util.List<String> withoutCsrf() {
		return java.util.List.of();
	}

}
