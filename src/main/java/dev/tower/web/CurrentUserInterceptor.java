package dev.tower.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * Puts who is signed in into every rendered page (navbar, admin buttons), error pages included.
 * An interceptor rather than a model attribute so JSON requests pay nothing for it.
 */
class CurrentUserInterceptor implements HandlerInterceptor {

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView modelAndView) {
		if (modelAndView == null || (modelAndView.getViewName() != null && modelAndView.getViewName().startsWith("redirect:"))) {
			return;
		}
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
			boolean admin = auth.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
			modelAndView.addObject("currentUser", new CurrentUser(auth.getName(), admin));
		}
	}

	record CurrentUser(String name, boolean admin) {
	}

}
