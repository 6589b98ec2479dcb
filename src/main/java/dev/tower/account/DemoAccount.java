package dev.tower.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Development only: an admin account to sign in with, announced at start-up. Production creates none. Its password
 * is known to everyone who reads the README, so it skips the check that refuses guessable ones.
 */
@Component
@Profile("development")
@ConditionalOnWebApplication
class DemoAccount implements ApplicationRunner {

	static final String USERNAME = "demo";

	static final String PASSWORD = "tower-demo";

	private static final Logger log = LoggerFactory.getLogger(DemoAccount.class);

	private final AccountService accounts;

	DemoAccount(AccountService accounts) {
		this.accounts = accounts;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!accounts.exists(USERNAME)) {
			accounts.createWithKnownPassword(USERNAME, PASSWORD);
		}
		log.info("""

				  ┌──────────────────────────────────────────────────────┐
				  │ Development demo account (admin): {} / {}   │
				  └──────────────────────────────────────────────────────┘""", USERNAME, PASSWORD);
	}

}
