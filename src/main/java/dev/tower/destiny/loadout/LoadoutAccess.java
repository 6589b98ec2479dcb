package dev.tower.destiny.loadout;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

import dev.tower.account.AccessRules;
import dev.tower.account.Roles;

/** Every player keeps their own loadouts: writing them is not an admin's job, unlike the rest of {@code /api/**}. */
@Component
class LoadoutAccess implements AccessRules {

	@Override
	public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		requests.requestMatchers("/api/v1/destiny/loadouts", "/api/v1/destiny/loadouts/**").hasRole(Roles.PLAYER);
	}

}
