package dev.tower.web;

import java.util.List;
import java.util.stream.Collectors;

import org.apache.catalina.util.NetMask;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * {@code X-Forwarded-For} and {@code X-Forwarded-Proto} are believed only from the proxies listed in
 * {@code tower.trusted-proxies} (TOWER_TRUSTED_PROXIES: addresses and CIDR ranges, comma-separated), from none by
 * default. Tomcat's own default trusts every private address, so anyone on such a network could claim to be any
 * address, and a new claim on every guess escaped the sign-in throttle.
 */
@Component
@ConditionalOnWebApplication
class TrustedProxies implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

	private final String internalProxies;

	TrustedProxies(@Value("${tower.trusted-proxies:}") List<String> proxies) {
		this.internalProxies = proxies.stream().map(String::strip).filter(proxy -> !proxy.isEmpty())
			.map(TrustedProxies::cidr).collect(Collectors.joining(","));
	}

	/** Tomcat reads the list as CIDR ranges only when it has a "/", and as a regular expression otherwise. */
	static String cidr(String proxy) {
		String range = proxy.contains("/") ? proxy : proxy + (proxy.contains(":") ? "/128" : "/32");
		try {
			new NetMask(range);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("tower.trusted-proxies: '" + proxy + "' is not an IP address or a CIDR range", ex);
		}
		return range;
	}

	/** After Spring Boot's customizer, which adds the valve (server.forward-headers-strategy=native). */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.getEngineValves().stream().filter(RemoteIpValve.class::isInstance).map(RemoteIpValve.class::cast)
			.forEach(valve -> valve.setInternalProxies(internalProxies));
	}

}
