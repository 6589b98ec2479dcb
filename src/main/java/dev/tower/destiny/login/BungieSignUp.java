package dev.tower.destiny.login;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Configuration;

import dev.tower.account.Role;

/**
 * Whether a Bungie.net login that no Tower account has linked yet makes a new account ({@code
 * tower.accounts.bungie-signup}). Anyone with a Bungie.net account can log in, so by default the new account is a
 * player's: it sees the Destiny board only, until an admin grants it more.
 */
enum BungieSignUp {

	/** A new account of the user role: reads every board. */
	OPEN(Role.USER),
	/** A new account of the player role: the Destiny board only (the default). */
	PLAYERS_ONLY(Role.PLAYER),
	/** No new account: only accounts already linked, or a signed-in account linking itself. */
	CLOSED(null);

	private final Role newAccountRole;

	BungieSignUp(Role newAccountRole) {
		this.newAccountRole = newAccountRole;
	}

	/** The role of an account made for a new player; null when none may be made. */
	Role newAccountRole() {
		return newAccountRole;
	}

	@ConfigurationProperties("tower.accounts")
	record Settings(@DefaultValue("players-only") BungieSignUp bungieSignup) {
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(Settings.class)
	static class SettingsConfiguration {
	}

}
