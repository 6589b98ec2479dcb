package dev.tower.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many wrong passwords Tower takes before it stops listening.
 *
 * @param maxFailures wrong passwords for one username from one address before that pair is locked out
 * @param maxFailuresPerAddress wrong passwords from one address, whatever the username, before the address is
 * locked out (guessing across many accounts)
 * @param window how long failures are remembered, counted from the first; a lock-out ends with it
 */
@ConfigurationProperties("tower.sign-in")
record SignInProperties(Integer maxFailures, Integer maxFailuresPerAddress, Duration window) {

	SignInProperties {
		maxFailures = maxFailures == null ? 5 : maxFailures;
		maxFailuresPerAddress = maxFailuresPerAddress == null ? 50 : maxFailuresPerAddress;
		window = window == null ? Duration.ofMinutes(15) : window;
		if (maxFailures < 1 || maxFailuresPerAddress < 1 || window.isNegative() || window.isZero()) {
			throw new IllegalArgumentException("tower.sign-in needs failures of at least 1 and a positive window");
		}
	}

}
