package dev.tower.destiny.manifest;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

import dev.tower.account.AccessRules;
import dev.tower.account.Roles;

/** The manifest page is the admins'; every player may read its status from the API (only admins update it). */
@Component
class ManifestAccess implements AccessRules {

	@Override
	public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		requests.requestMatchers("/destiny/manifest", "/destiny/manifest/**").hasRole(Roles.ADMIN)
			.requestMatchers(HttpMethod.GET, "/api/v1/destiny/manifest", "/api/v1/destiny/manifest/first-download")
			.hasRole(Roles.PLAYER);
	}

}
