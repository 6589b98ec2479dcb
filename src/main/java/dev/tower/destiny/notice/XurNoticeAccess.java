package dev.tower.destiny.notice;

import java.util.List;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

import dev.tower.account.AccessRules;
import dev.tower.account.Roles;

/**
 * The mails' links work signed out (their token is the proof), and a mail client's one-click unsubscribe posts
 * without a CSRF token; every player may change their own notifications.
 */
@Component
class XurNoticeAccess implements AccessRules {

	@Override
	public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		requests.requestMatchers("/xur/confirm", "/xur/unsubscribe").permitAll()
			.requestMatchers("/api/v1/account/notifications").hasRole(Roles.PLAYER);
	}

	@Override
	public List<String> withoutCsrf() {
		return List.of("/xur/unsubscribe");
	}

}
