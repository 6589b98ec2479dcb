package dev.tower.account;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stops password guessing at the login form: after {@code tower.sign-in.max-failures} wrong passwords for one
 * username from one address, that pair is locked out until the window ends, so a stranger cannot lock the owner out
 * from elsewhere; after {@code max-failures-per-address} from one address, whatever the usernames, the address is.
 * A locked-out attempt is not even checked, so the right password does not get in either. Signing in clears the
 * pair's count, not the address's.
 */
@Component
@ConditionalOnWebApplication
@EnableConfigurationProperties(SignInProperties.class)
class SignInThrottle {

	private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

	private static final RequestMatcher LOGIN_FORM = PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/login");

	private final SignInProperties properties;

	private final FailedSignIns failures;

	@Autowired
	SignInThrottle(SignInProperties properties, ObjectProvider<StringRedisTemplate> redis) {
		this(properties, redis.getIfAvailable() == null ? new MemoryFailedSignIns(Clock.systemUTC())
				: new RedisFailedSignIns(redis.getObject()));
	}

	SignInThrottle(SignInProperties properties, FailedSignIns failures) {
		this.properties = properties;
		this.failures = failures;
	}

	/** Turns locked-out attempts back to the login page before their password is looked at. */
	OncePerRequestFilter lockOut() {
		return new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				Duration locked = LOGIN_FORM.matches(request) ? lockedFor(username(request), request.getRemoteAddr()) : null;
				if (locked != null) {
					refuse(request, response, locked);
					return;
				}
				chain.doFilter(request, response);
			}

		};
	}

	AuthenticationSuccessHandler clearingFailures(AuthenticationSuccessHandler next) {
		return (request, response, authentication) -> {
			failures.clear(pair(username(request), request.getRemoteAddr()));
			next.onAuthenticationSuccess(request, response, authentication);
		};
	}

	AuthenticationFailureHandler countingFailures(AuthenticationFailureHandler next) {
		return (request, response, failure) -> {
			Duration locked = failure instanceof BadCredentialsException
					? failed(username(request), request.getRemoteAddr()) : null;
			if (locked != null) {
				refuse(request, response, locked);
			}
			else {
				next.onAuthenticationFailure(request, response, failure);
			}
		};
	}

	/** How long sign-ins for {@code username} from {@code address} stay refused, or null if they are not. */
	Duration lockedFor(String username, String address) {
		return lockedFor(failures.get(pair(username, address)), failures.get(address(address)));
	}

	/** Counts a wrong password; returns how long this locks the pair or the address out, or null. */
	Duration failed(String username, String address) {
		var pair = failures.add(pair(username, address), properties.window());
		var whole = failures.add(address(address), properties.window());
		if (pair.count() == properties.maxFailures() || whole.count() == properties.maxFailuresPerAddress()) {
			log.warn("Sign-ins as '{}' from {} paused for up to {} after too many wrong passwords",
					username.replaceAll("\\p{Cntrl}", "?"), address, DurationStyle.SIMPLE.print(properties.window()));
		}
		return lockedFor(pair, whole);
	}

	/** The longer of the pair's and the address's lock-outs, or null if neither has reached its limit. */
	private Duration lockedFor(FailedSignIns.Tally pair, FailedSignIns.Tally whole) {
		Duration pairLeft = pair.count() >= properties.maxFailures() ? pair.left() : Duration.ZERO;
		Duration wholeLeft = whole.count() >= properties.maxFailuresPerAddress() ? whole.left() : Duration.ZERO;
		Duration longer = pairLeft.compareTo(wholeLeft) >= 0 ? pairLeft : wholeLeft;
		return longer.isZero() ? null : longer;
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response, Duration locked)
			throws IOException {
		long minutes = Math.max(1, (locked.toSeconds() + 59) / 60);
		response.setHeader("Retry-After", Long.toString(Math.max(1, locked.toSeconds())));
		response.sendRedirect(request.getContextPath() + "/login?locked=" + minutes);
	}

	private static String username(HttpServletRequest request) {
		String username = request.getParameter("username");
		return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
	}

	/** Usernames are hashed: keys stay short whatever is typed, and no guessed name is stored. */
	private static String pair(String username, String address) {
		return "pair:" + address + ":" + ApiTokenService.hash(username).substring(0, 32);
	}

	private static String address(String address) {
		return "address:" + address;
	}

}
