package dev.tower.account;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 for API clients: RFC 9457 problems on {@code /api/v1}, the original's JSON envelope on
 * {@code /api_1_0} (which used to answer with a login page or a 500).
 */
class ApiSecurityErrors implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final JsonMapper json;

	private final TokenScopes scopes;

	ApiSecurityErrors(JsonMapper json, TokenScopes scopes) {
		this.json = json;
		this.scopes = scopes;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"tower\"");
		String detail = (ex instanceof ApiTokenAuthenticationFilter.UnknownTokenException) ? ex.getMessage()
				: "Sign in, or send 'Authorization: Bearer <token>' with a personal API token from your account page.";
		write(request, response, HttpStatus.UNAUTHORIZED, detail);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		write(request, response, HttpStatus.FORBIDDEN, refusal(request, ex));
	}

	/** Why the request was refused, told so that the client knows what to change: its token, its role or its form. */
	private String refusal(HttpServletRequest request, AccessDeniedException ex) {
		if (ex instanceof ApiTokenAuthenticationFilter.TokenNotAcceptedException) {
			return ex.getMessage();
		}
		if (ex instanceof CsrfException) {
			return "The CSRF token is missing or stale: send the X-CSRF-TOKEN header from the page, or use an API token.";
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		var authorities = (authentication == null) ? Set.<String>of()
				: AuthorityUtils.authorityListToSet(authentication.getAuthorities());
		for (TokenScope scope : scopes.declared()) {
			if (authorities.contains(scope.authority())) {
				return "This token may only %s (scope %s).".formatted(scope.action(), scope.id());
			}
		}
		for (TokenScope scope : scopes.declared()) {
			if (scope.requests().matches(request)) {
				return "Only a personal API token with scope %s or api may %s.".formatted(scope.id(), scope.action());
			}
		}
		if (authentication != null && !authorities.contains("ROLE_" + Roles.USER)) {
			return "This account may use the Destiny board only, until an admin grants it the user role.";
		}
		return "This needs the admin role.";
	}

	private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
			throws IOException {
		Map<String, Object> body = new LinkedHashMap<>();
		response.setStatus(status.value());
		if (request.getRequestURI().startsWith("/api_1_0/")) {
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			body.put("status", status.value());
			body.put("success", false);
			body.put("message", detail);
			body.put("contentType", MediaType.APPLICATION_JSON_VALUE);
			body.put("content", null);
		}
		else {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			body.put("type", "about:blank");
			body.put("title", status.getReasonPhrase());
			body.put("status", status.value());
			body.put("detail", detail);
			body.put("instance", request.getRequestURI());
		}
		json.writeValue(response.getOutputStream(), body);
	}

}
