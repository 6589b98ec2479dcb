package dev.tower.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Puts who is signed in into every rendered page (navbar, admin buttons). A request attribute set before the
 * handler runs, so pages made by exception handlers and error pages have it too (Thymeleaf reads request
 * attributes like model ones).
 */
class CurrentUserInterceptor implements HandlerInterceptor {

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
			boolean admin = auth.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
			boolean reader = auth.getAuthorities().stream().anyMatch(a -> "ROLE_USER".equals(a.getAuthority()));
			request.setAttribute("currentUser", new CurrentUser(auth.getName(), reader, admin));
		}
		return true;
	}

	/** {@code reader}: may open every board; without it, a player sees the Destiny board only. */
	record CurrentUser(String name, boolean reader, boolean admin) {
	}

}
