package dev.tower.destiny.login;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import jakarta.servlet.http.HttpSession;

/**
 * The OAuth {@code state}: 256 random bits bound to the browser session that started the login, good for one
 * callback. The callback's value is compared with the one kept in the session (the original compared the session's
 * value with itself, so anything passed).
 */
final class LoginState {

	static final String ATTRIBUTE = LoginState.class.getName();

	private static final SecureRandom RANDOM = new SecureRandom();

	private LoginState() {
	}

	/** A new state for {@code session}, replacing any earlier one. */
	static String issue(HttpSession session) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String state = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		session.setAttribute(ATTRIBUTE, state);
		return state;
	}

	/**
	 * Whether {@code presented} is the state this session was given. The session's state is spent either way: a
	 * second callback with the same state is refused.
	 */
	static boolean consume(HttpSession session, String presented) {
		if (session == null) {
			return false;
		}
		Object expected = session.getAttribute(ATTRIBUTE);
		session.removeAttribute(ATTRIBUTE);
		if (!(expected instanceof String kept) || presented == null || presented.isEmpty()) {
			return false;
		}
		return MessageDigest.isEqual(kept.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
	}

}
