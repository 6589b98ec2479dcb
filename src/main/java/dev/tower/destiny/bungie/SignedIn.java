package dev.tower.destiny.bungie;

import java.util.Optional;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What the layout reads of the signed-in user ({@code currentUser}). The web feature's interceptor adds it to every
 * page a controller returns, but not to pages made by exception handlers: those add it themselves.
 */
public record SignedIn(String name, boolean admin) {

	public static Optional<SignedIn> now() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
			return Optional.empty();
		}
		return Optional.of(new SignedIn(auth.getName(),
				auth.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()))));
	}

}
