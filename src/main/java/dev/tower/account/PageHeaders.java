package dev.tower.account;

import java.net.URI;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.stereotype.Component;

/**
 * What the browser may run and send on Tower's pages. Scripts come from Tower itself and nowhere else, never inline
 * (templates declare behaviour with data attributes), so a value that slips into a page cannot become code. Inline
 * styles stay allowed: templates and the charts set a few, and a style runs nothing. Images may also come from
 * Bungie.net (Destiny icons). Other sites learn only the origin a link came from, never the page.
 */
@Component
@ConditionalOnWebApplication
class PageHeaders {

	private final String policy;

	PageHeaders(@Value("${tower.bungie.base-url:https://www.bungie.net}") URI bungie) {
		String bungieOrigin = bungie.getScheme() + "://" + bungie.getRawAuthority();
		this.policy = String.join("; ", "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'",
				"img-src 'self' data: " + bungieOrigin, "font-src 'self'", "connect-src 'self'", "object-src 'none'",
				"base-uri 'self'", "frame-ancestors 'none'");
	}

	void apply(HeadersConfigurer<HttpSecurity> headers) {
		headers.contentSecurityPolicy(csp -> csp.policyDirectives(policy))
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN));
	}

}
