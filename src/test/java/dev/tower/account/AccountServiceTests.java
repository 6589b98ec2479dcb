package dev.tower.account;

import dev.tower.TowerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@TowerTest
class AccountServiceTests {

	@Autowired
	AccountService accounts;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void storesAHashNeverThePassword() {
		accounts.create("alice", "correct horse battery", true);

		String stored = jdbc.queryForObject("select password_hash from account where username = 'alice'", String.class);
		assertThat(stored).startsWith("{bcrypt}").doesNotContain("correct horse");
		assertThat(passwords.matches("correct horse battery", stored)).isTrue();
		assertThat(accounts.list()).singleElement().satisfies(a -> assertThat(a.admin()).isTrue());
	}

	@Test
	void refusesBadNamesWeakPasswordsAndDuplicates() {
		accounts.create("alice", "horse battery staple", false);

		assertThatThrownBy(() -> accounts.create("alice", "horse battery staple", false)).hasMessageContaining("already exists");
		assertThatThrownBy(() -> accounts.create("al", "horse battery staple", false)).hasMessageContaining("3 to 64");
		assertThatThrownBy(() -> accounts.create("bob'; drop table account; --", "horse battery staple", false)).hasMessageContaining("letters");
		assertThatThrownBy(() -> accounts.create("bob", "short", false)).hasMessageContaining("at least 8");
		assertThatThrownBy(() -> accounts.create("bob", "é".repeat(40), false)).hasMessageContaining("72 bytes");
	}

	@Test
	void refusesCommonAndGuessablePasswordsSayingHowToDoBetter() {
		for (String guessable : new String[] { "password", "12345678", "qwertyuiop", "reader-password", "tower-demo" }) {
			assertThatThrownBy(() -> accounts.create("bob", guessable, false)).as(guessable)
				.isInstanceOf(AccountException.class)
				.hasMessageStartingWith("this password is too easy to guess")
				.hasMessageContaining("Add another word or two");
		}
		assertThat(accounts.exists("bob")).isFalse();
		accounts.create("alice", "horse battery staple", false);

		assertThatThrownBy(() -> accounts.changePassword("alice", "password"))
			.hasMessage("this password is too easy to guess (This is a top-10 common password): Add another word or two. "
					+ "Uncommon words are better.");
	}

	@Test
	void changesAPassword() {
		accounts.create("alice", "first kettle harbour", false);
		accounts.changePassword("alice", "second kettle harbour");

		String stored = jdbc.queryForObject("select password_hash from account where username = 'alice'", String.class);
		assertThat(passwords.matches("second kettle harbour", stored)).isTrue();
		assertThatThrownBy(() -> accounts.changePassword("nobody", "third kettle harbour")).hasMessageContaining("no account");
	}

	@Test
	void externalLoginsGetAPlainAccountWithAFreeNameDerivedFromTheirOwn() {
		accounts.create("Saint-14", "horse battery staple", true);

		AccountView first = accounts.createForExternalLogin("Saint-14", Role.PLAYER);
		AccountView second = accounts.createForExternalLogin("Saint-14", Role.PLAYER);

		assertThat(first.username()).isEqualTo("Saint-14-2");
		assertThat(second.username()).isEqualTo("Saint-14-3");
		assertThat(first.role()).isEqualTo(Role.PLAYER);
		assertThat(accounts.createForExternalLogin("Ikora Rey <script>", Role.PLAYER).username()).isEqualTo("Ikora-Rey-script");
		assertThat(accounts.createForExternalLogin("ö", Role.PLAYER).username()).isEqualTo("guardian");
		assertThat(accounts.createForExternalLogin("x".repeat(100), Role.PLAYER).username()).hasSize(56);
		assertThat(accounts.find(first.id()).map(AccountView::username)).contains("Saint-14-2");
		assertThat(accounts.find("Saint-14-2").map(AccountView::id)).contains(first.id());
	}

}
