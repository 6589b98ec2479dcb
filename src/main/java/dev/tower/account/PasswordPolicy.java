package dev.tower.account;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.Feedback;
import me.gosimple.nbvcxz.scoring.Result;

/**
 * Which passwords an account may have: long enough, no longer than BCrypt reads, and not common or guessable.
 * nbvcxz estimates how many guesses a password takes (leaked-password, word and name dictionaries, keyboard
 * patterns, dates, substitutions) and refuses those under its default of 35 bits of entropy, with its advice.
 */
final class PasswordPolicy {

	/** BCrypt reads at most 72 bytes; a longer password would be silently cut, so refuse it. */
	private static final int MAX_PASSWORD_BYTES = 72;

	private static final int MIN_PASSWORD_LENGTH = 8;

	private PasswordPolicy() {
	}

	/** @throws AccountException saying what is wrong with {@code password} and how to do better */
	static void check(String password) {
		if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
			throw new AccountException("a password needs at least " + MIN_PASSWORD_LENGTH + " characters");
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
			throw new AccountException("a password can be at most " + MAX_PASSWORD_BYTES + " bytes long");
		}
		Result estimate = Estimator.estimate(password);
		if (!estimate.isMinimumEntropyMet()) {
			Feedback feedback = estimate.getFeedback();
			StringBuilder why = new StringBuilder("this password is too easy to guess");
			if (feedback.getWarning() != null) {
				why.append(" (").append(feedback.getWarning().replaceAll("\\.$", "")).append(')');
			}
			why.append(feedback.getSuggestion().isEmpty() ? ": choose a longer one of unrelated words"
					: ": " + String.join(" ", feedback.getSuggestion()));
			throw new AccountException(why.toString());
		}
	}

	/** Loading the dictionaries takes seconds, so once per process and only when a password is first checked. */
	private static final class Estimator {

		private static final Nbvcxz NBVCXZ = new Nbvcxz(
				new ConfigurationBuilder().setLocale(Locale.ENGLISH).createConfiguration());

		static synchronized Result estimate(String password) {
			return NBVCXZ.estimate(password);
		}

	}

}
