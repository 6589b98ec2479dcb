package dev.tower.account;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates and lists local accounts; used by the command line and the development demo. */
@Service
public class AccountService {

	private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{3,64}");

	/** BCrypt reads at most 72 bytes; a longer password would be silently cut, so refuse it. */
	private static final int MAX_PASSWORD_BYTES = 72;

	private static final int MIN_PASSWORD_LENGTH = 8;

	private final AccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	AccountService(AccountRepository accounts, PasswordEncoder passwordEncoder) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
	}

	@Transactional
	public AccountView create(String username, String password, boolean admin) {
		if (username == null || !USERNAME.matcher(username).matches()) {
			throw new AccountException("a username is 3 to 64 letters, digits, dots, dashes or underscores");
		}
		checkPassword(password);
		if (accounts.existsByUsername(username)) {
			throw new AccountException("an account named '" + username + "' already exists");
		}
		return accounts.save(new Account(username, passwordEncoder.encode(password), admin)).view();
	}

	@Transactional
	public void changePassword(String username, String password) {
		checkPassword(password);
		Account account = accounts.findByUsername(username)
			.orElseThrow(() -> new AccountException("no account named '" + username + "'"));
		account.changePasswordHash(passwordEncoder.encode(password));
	}

	@Transactional(readOnly = true)
	public Optional<AccountView> find(String username) {
		return accounts.findByUsername(username).map(Account::view);
	}

	@Transactional(readOnly = true)
	public boolean exists(String username) {
		return accounts.existsByUsername(username);
	}

	@Transactional(readOnly = true)
	public List<AccountView> list() {
		return accounts.findAllByOrderByUsername().stream().map(Account::view).toList();
	}

	private static void checkPassword(String password) {
		if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
			throw new AccountException("a password needs at least " + MIN_PASSWORD_LENGTH + " characters");
		}
		if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
			throw new AccountException("a password can be at most " + MAX_PASSWORD_BYTES + " bytes long");
		}
	}

}
