package dev.tower.destiny.inventory;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

import dev.tower.account.AccessRules;
import dev.tower.account.Roles;

/** The board and its moves are every player's, including accounts that may see nothing else. */
@Component
class InventoryAccess implements AccessRules {

	@Override
	public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		requests.requestMatchers("/destiny", "/destiny/characters/**", "/destiny/xur", "/destiny/items/**",
				"/api/v1/destiny/items/**")
			.hasRole(Roles.PLAYER);
	}

}
