package dev.tower.account;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A feature's own say in who may reach its addresses, declared as a bean beside the controllers it guards. Account
 * applies every feature's rules to both filter chains (bearer tokens and browsers), after the public pages and
 * before its catch-all rules: reading needs a signed-in user, writing to {@code /api/**} and {@code /admin/**} an
 * admin. Not a {@code Customizer} bean, which Spring Security would apply to every chain ahead of those public pages.
 */
public interface AccessRules {

	void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests);

}
