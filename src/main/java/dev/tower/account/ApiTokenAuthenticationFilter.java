package dev.tower.account;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer twr_…} for machines. Stateless: the authentication lives for this request
 * only and never creates a session. A bearer header that does not check out is refused outright rather
 * than falling back to anonymous, so a client with a revoked token hears about it. A token sent anywhere but
 * where tokens are accepted is refused before it is even looked up.
 */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

	private static final String BEARER = "Bearer ";

	private final ApiTokenService tokens;

	private final ApiSecurityErrors errors;

	private final RequestMatcher accepted;

	ApiTokenAuthenticationFilter(ApiTokenService tokens, ApiSecurityErrors errors, RequestMatcher accepted) {
		this.tokens = tokens;
		this.errors = errors;
		this.accepted = accepted;
	}

	static boolean hasBearerToken(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!hasBearerToken(request)) {
			chain.doFilter(request, response);
			return;
		}
		if (!accepted.matches(request)) {
			errors.handle(request, response, new TokenNotAcceptedException());
			return;
		}
		String presented = request.getHeader(HttpHeaders.AUTHORIZATION).substring(BEARER.length()).strip();
		var holder = tokens.authenticate(presented);
		if (holder.isEmpty()) {
			errors.commence(request, response, new UnknownTokenException());
			return;
		}
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(holder.get().username(), null,
				holder.get().authorities()));
		SecurityContextHolder.setContext(context);
		chain.doFilter(request, response);
	}

	static class TokenNotAcceptedException extends AccessDeniedException {

		TokenNotAcceptedException() {
			super("API tokens open the API and the metrics only: sign in to use pages and your account.");
		}

	}

	static class UnknownTokenException extends BadCredentialsException {

		UnknownTokenException() {
			super("The API token is unknown or revoked, or its account is disabled.");
		}

	}

}
