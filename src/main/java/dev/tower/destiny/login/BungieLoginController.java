package dev.tower.destiny.login;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import dev.tower.account.SessionSignIn;
import dev.tower.destiny.bungie.BungieException;

/**
 * Bungie.net's OAuth authorization-code login, as a confidential client: {@code /destiny/login} sends the player to
 * Bungie with a new state, {@code /destiny/callback} checks that state and finishes the login.
 */
@Controller
@ConditionalOnWebApplication
class BungieLoginController {

	/** Where a player lands after logging in with Bungie.net. */
	static final String AFTER_LOGIN = "/destiny";

	private static final Logger log = LoggerFactory.getLogger(BungieLoginController.class);

	private final BungieLogin login;

	private final SessionSignIn signIn;

	BungieLoginController(BungieLogin login, SessionSignIn signIn) {
		this.login = login;
		this.signIn = signIn;
	}

	/** To Bungie.net's authorize page; with {@code expired}, first a page saying the earlier login ran out. */
	@GetMapping("/destiny/login")
	ModelAndView start(HttpServletRequest request) {
		String unavailable = login.unavailableBecause();
		if (unavailable != null) {
			return page(HttpStatus.NOT_FOUND, "Bungie.net login is not available", unavailable, false);
		}
		if (request.getParameterMap().containsKey("expired")) {
			return page(HttpStatus.OK, "Log in with Bungie.net again", StoredPlayers.EXPIRED + ".", true);
		}
		String state = LoginState.issue(request.getSession());
		return new ModelAndView("redirect:" + login.authorizeUri(state));
	}

	@GetMapping("/destiny/callback")
	ModelAndView callback(@RequestParam(required = false) String code, @RequestParam(required = false) String state,
			@RequestParam(required = false) String error, Principal principal, HttpServletRequest request,
			HttpServletResponse response) {
		if (!LoginState.consume(request.getSession(false), state)) {
			return page(HttpStatus.FORBIDDEN, "Login refused",
					"This Bungie.net login did not start here, or was already used (its state does not match this "
							+ "browser session). Start again from Tower.",
					true);
		}
		if (error != null) {
			return page(HttpStatus.OK, "Bungie.net login cancelled",
					"access_denied".equals(error) ? "You did not allow Tower to use your Bungie.net account."
							: "Bungie.net did not log you in.",
					true);
		}
		if (code == null || code.isBlank()) {
			return page(HttpStatus.BAD_REQUEST, "Bungie.net login incomplete",
					"Bungie.net came back without an authorization code.", true);
		}
		String username;
		try {
			username = login.complete(code, principal == null ? null : principal.getName());
		}
		catch (LoginRefusedException ex) {
			return page(ex.status(), "Bungie.net login refused", ex.getMessage(), ex.status() != HttpStatus.CONFLICT);
		}
		catch (BungieException ex) {
			return bungieProblem(ex);
		}
		signIn.signIn(username, request, response);
		return new ModelAndView("redirect:" + AFTER_LOGIN);
	}

	/** Forgets the stored Bungie.net tokens; the Tower session goes on (its own sign-out ends it). */
	@PostMapping("/destiny/logout")
	ModelAndView logOut(Principal principal) {
		login.logOut(principal.getName());
		return page(HttpStatus.OK, "Logged out of Bungie.net",
				"Tower no longer holds your Bungie.net login. You are still signed in to Tower.", true);
	}

	private ModelAndView bungieProblem(BungieException ex) {
		log.info("Bungie.net login failed: {} ({})", ex.getMessage(), ex.kind());
		return switch (ex.kind()) {
			case UNAUTHORIZED -> page(HttpStatus.BAD_REQUEST, "Bungie.net login refused",
					"Bungie.net did not accept this login (it may have been used already or expired).", true);
			case MAINTENANCE -> page(HttpStatus.SERVICE_UNAVAILABLE, "Bungie.net is down for maintenance",
					"Bungie.net is down for maintenance: log in again once it is back.", true);
			case THROTTLED -> page(HttpStatus.TOO_MANY_REQUESTS, "Bungie.net is busy",
					"Bungie.net asked Tower to slow down: try again in a minute.", true);
			default -> page(HttpStatus.BAD_GATEWAY, "Bungie.net did not answer",
					"Tower could not finish the login with Bungie.net: try again later.", true);
		};
	}

	private static ModelAndView page(HttpStatus status, String title, String message, boolean again) {
		ModelAndView page = new ModelAndView("destiny/login");
		page.setStatus(status);
		page.addObject("heading", title);
		page.addObject("explanation", message);
		page.addObject("again", again);
		page.addObject("problem", status.isError());
		return page;
	}

}
