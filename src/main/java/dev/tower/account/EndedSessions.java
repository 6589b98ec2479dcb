package dev.tower.account;

import java.io.IOException;
import java.time.Instant;
import java.util.Objects;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a browser session whose account was disabled, or whose password or role changed after it signed in. The
 * sign-in time is the one Spring Security stamps on the factor that signed in (the password, or Bungie.net's
 * authorization code). Checked on each request against the account's row, so it holds whichever store keeps the
 * sessions (memory or Redis) and whoever made the change (another web node, or {@code tower user} from a shell).
 * The request goes on unauthenticated: to the login page, or a 401 on the API.
 */
class EndedSessions extends OncePerRequestFilter {

	private final AccountService accounts;

	EndedSessions(AccountService accounts) {
		this.accounts = accounts;
	}

	/**
	 * Only sessions end here: a request without one (an API token's) is checked by the token's own rules, and costs
	 * no look at the account's row. Health probes read no one's data, and liveness must answer while the database
	 * is away.
	 */
	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return request.getSession(false) == null
				|| request.getRequestURI().startsWith(request.getContextPath() + "/actuator/health");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
		if (signedIn != null && signedIn.isAuthenticated() && !(signedIn instanceof AnonymousAuthenticationToken)
				&& !accounts.admitsSession(signedIn.getName(), signedInAt(signedIn))) {
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.invalidate();
			}
			SecurityContextHolder.clearContext();
		}
		chain.doFilter(request, response);
	}

	/** When the session signed in; null when no factor says (then any change to the account ends it). */
	private static Instant signedInAt(Authentication authentication) {
		return authentication.getAuthorities()
			.stream()
			.filter(FactorGrantedAuthority.class::isInstance)
			.map(authority -> ((FactorGrantedAuthority) authority).getIssuedAt())
			.filter(Objects::nonNull)
			.max(Instant::compareTo)
			.orElse(null);
	}

}
