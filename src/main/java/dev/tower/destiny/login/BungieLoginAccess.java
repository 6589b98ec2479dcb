package dev.tower.destiny.login;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

import dev.tower.account.AccessRules;
import dev.tower.account.Roles;

/**
 * Bungie.net login signs people in, so strangers must reach it (its callback checks the OAuth state); every player
 * may log out of Bungie.net again.
 */
@Component
class BungieLoginAccess implements AccessRules {

	@Override
	public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		requests.requestMatchers(HttpMethod.GET, "/destiny/login", "/destiny/callback").permitAll()
			.requestMatchers(HttpMethod.POST, "/destiny/logout").hasRole(Roles.PLAYER);
	}

}
