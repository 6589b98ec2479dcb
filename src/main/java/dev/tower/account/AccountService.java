package dev.tower.account;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, finds and lists accounts; used by the command line, the development demo and external logins. */
@Service
public class AccountService {

	private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{3,64}");

	/** BCrypt reads at most 72 bytes; a longer password would be silently cut, so refuse it. */
	private static final int MAX_PASSWORD_BYTES = 72;

	private static final int MIN_PASSWORD_LENGTH = 8;

	private static final SecureRandom RANDOM = new SecureRandom();

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

	/**
	 * An account for someone who signs in elsewhere (Bungie.net): a plain user named after {@code preferredName}
	 * (cleaned, and numbered when taken), with a password nobody knows. An admin can set one later.
	 */
	@Transactional
	public AccountView createForExternalLogin(String preferredName) {
		String base = usernameFrom(preferredName);
		String username = base;
		for (int n = 2; accounts.existsByUsername(username); n++) {
			String suffix = "-" + n;
			username = base.substring(0, Math.min(base.length(), 64 - suffix.length())) + suffix;
		}
		byte[] unknowable = new byte[32];
		RANDOM.nextBytes(unknowable);
		String password = Base64.getEncoder().encodeToString(unknowable).substring(0, 40);
		return accounts.save(new Account(username, passwordEncoder.encode(password), false)).view();
	}

	@Transactional(readOnly = true)
	public Optional<AccountView> find(String username) {
		return accounts.findByUsername(username).map(Account::view);
	}

	@Transactional(readOnly = true)
	public Optional<AccountView> find(long id) {
		return accounts.findById(id).map(Account::view);
	}

	@Transactional(readOnly = true)
	public boolean exists(String username) {
		return accounts.existsByUsername(username);
	}

	@Transactional(readOnly = true)
	public List<AccountView> list() {
		return accounts.findAllByOrderByUsername().stream().map(Account::view).toList();
	}

	/** Letters, digits, dots, dashes and underscores of {@code name}; "guardian" when too little is left. */
	static String usernameFrom(String name) {
		String cleaned = name == null ? "" : name.strip().replaceAll("\\s+", "-").replaceAll("[^A-Za-z0-9._-]", "");
		if (cleaned.length() > 56) {
			cleaned = cleaned.substring(0, 56);
		}
		return cleaned.length() < 3 ? "guardian" : cleaned;
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
