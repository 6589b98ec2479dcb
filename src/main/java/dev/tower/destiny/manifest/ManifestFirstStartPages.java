package dev.tower.destiny.manifest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.tower.account.AccountService;
import dev.tower.destiny.bungie.BungieProperties;
import dev.tower.destiny.login.Players;

/**
 * Until a manifest serves, a linked player's board pages show the first download's progress, which turns into the
 * board by itself (the page polls {@code /api/v1/destiny/manifest/first-download}), instead of a wall of Classified
 * items. A player not linked yet sees the Bungie.net login as before: the download goes on meanwhile.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@ControllerAdvice
class ManifestFirstStartPages implements WebMvcConfigurer {

	static final String[] BOARD = { "/destiny", "/destiny/characters/**", "/destiny/xur" };

	private final BungieProperties bungie;

	private final ManifestReadiness readiness;

	private final AccountService accounts;

	private final Players players;

	ManifestFirstStartPages(BungieProperties bungie, ManifestReadiness readiness, AccountService accounts,
			Players players) {
		this.bungie = bungie;
		this.readiness = readiness;
		this.accounts = accounts;
		this.players = players;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		// after the interceptor that tells pages who is signed in
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				if (bungie.configured() && !readiness.serving() && linked()) {
					throw new NotServingException();
				}
				return true;
			}
		}).addPathPatterns(BOARD).order(1);
	}

	@ExceptionHandler(NotServingException.class)
	String progressPage(Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, "5");
		model.addAttribute("download", readiness.progress());
		return "destiny/manifest-progress";
	}

	private boolean linked() {
		Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
		return signedIn != null && accounts.find(signedIn.getName())
			.map(account -> players.forAccount(account.id()).isPresent())
			.orElse(false);
	}

	/** No manifest serves yet. */
	static class NotServingException extends RuntimeException {

		NotServingException() {
			super("no Destiny manifest serves yet", null, false, false);
		}

	}

}
