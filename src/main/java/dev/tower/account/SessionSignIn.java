package dev.tower.account;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Signs a browser session in as an account that proved who it is elsewhere (Bungie.net's OAuth login), exactly as
 * the login form would: the session id changes first (no session fixation) and the security context is kept in
 * the session. A disabled account is refused.
 */
@Component
@ConditionalOnWebApplication
public class SessionSignIn {

	private final AccountUserDetailsService users;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

	SessionSignIn(AccountUserDetailsService users) {
		this.users = users;
	}

	public void signIn(String username, HttpServletRequest request, HttpServletResponse response) {
		UserDetails user = users.loadUserByUsername(username);
		if (user instanceof CredentialsContainer credentials) {
			credentials.eraseCredentials(); // the hash has no business in the session
		}
		if (request.getSession(false) != null) {
			request.changeSessionId();
		}
		if (!user.isEnabled()) {
			throw new DisabledException("the account '" + username + "' is disabled");
		}
		// Like the login form's FACTOR_PASSWORD, the factor's time tells EndedSessions when this session began.
		List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
		authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.AUTHORIZATION_CODE_AUTHORITY));
		SecurityContext context = contexts.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
		contexts.setContext(context);
		repository.saveContext(context, request, response);
	}

}
