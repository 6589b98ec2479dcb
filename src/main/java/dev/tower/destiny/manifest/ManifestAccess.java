package dev.tower.destiny.manifest;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

import dev.tower.account.AccessRules;
import dev.tower.account.Roles;

/** The manifest page is the admins' (its API, under {@code /api/**}, follows account's rules: admins write). */
@Component
class ManifestAccess implements AccessRules {

	@Override
	public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		requests.requestMatchers("/destiny/manifest", "/destiny/manifest/**").hasRole(Roles.ADMIN);
	}

}
