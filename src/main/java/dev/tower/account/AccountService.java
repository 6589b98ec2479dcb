package dev.tower.account;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, finds, lists and controls accounts; used by the command line, the development demo and external logins.
 * Every password is checked by the {@link PasswordPolicy}.
 */
@Service
public class AccountService {

	private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{3,64}");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final AccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final ApiTokenService tokens;

	AccountService(AccountRepository accounts, PasswordEncoder passwordEncoder, ApiTokenService tokens) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.tokens = tokens;
	}

	@Transactional
	public AccountView create(String username, String password, boolean admin) {
		PasswordPolicy.check(password);
		return createChecked(username, password, admin ? Role.ADMIN : Role.USER);
	}

	/** For the development demo account only, whose password is printed at start-up for all to read anyway. */
	AccountView createWithKnownPassword(String username, String password) {
		return createChecked(username, password, Role.ADMIN);
	}

	private AccountView createChecked(String username, String password, Role role) {
		if (username == null || !USERNAME.matcher(username).matches()) {
			throw new AccountException("a username is 3 to 64 letters, digits, dots, dashes or underscores");
		}
		if (accounts.existsByUsername(username)) {
			throw new AccountException("an account named '" + username + "' already exists");
		}
		return accounts.save(new Account(username, passwordEncoder.encode(password), role)).view();
	}

	/** A new password, which ends the account's sessions signed in before it. */
	@Transactional
	public void changePassword(String username, String password) {
		PasswordPolicy.check(password);
		account(username).changePasswordHash(passwordEncoder.encode(password));
	}

	/** Grants {@code role} (more or less than before); the account's sessions end, so the new role holds at once. */
	@Transactional
	public AccountView grant(String username, Role role) {
		return control(username, account -> account.grant(role));
	}

	/**
	 * A disabled account cannot sign in, and its sessions and tokens stop working (tokens checked recently by
	 * another process within {@link ApiTokenService}'s cache time); enabling it again brings back its tokens, not
	 * its sessions.
	 */
	@Transactional
	public AccountView disable(String username, boolean disabled) {
		return control(username, account -> account.disable(disabled));
	}

	/** An admin's change to what an account may do, which what this node remembers of its tokens must not outlive. */
	private AccountView control(String username, Consumer<Account> change) {
		Account account = account(username);
		change.accept(account);
		tokens.forgetCached();
		return account.view();
	}

	/**
	 * An account for someone who signs in elsewhere (Bungie.net): an account of {@code role} named after
	 * {@code preferredName} (cleaned, and numbered when taken), with a password nobody knows. An admin can set one
	 * later.
	 */
	@Transactional
	public AccountView createForExternalLogin(String preferredName, Role role) {
		String base = usernameFrom(preferredName);
		String username = base;
		for (int n = 2; accounts.existsByUsername(username); n++) {
			String suffix = "-" + n;
			username = base.substring(0, Math.min(base.length(), 64 - suffix.length())) + suffix;
		}
		byte[] unknowable = new byte[32];
		RANDOM.nextBytes(unknowable);
		String password = Base64.getEncoder().encodeToString(unknowable).substring(0, 40);
		return accounts.save(new Account(username, passwordEncoder.encode(password), role)).view();
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

	/**
	 * Whether a session of {@code username} signed in at {@code signedInAt} may go on: not when the account was
	 * disabled, or its password or role changed since. Accounts are never deleted, so an unknown name has nothing
	 * to say.
	 */
	@Transactional(readOnly = true)
	boolean admitsSession(String username, Instant signedInAt) {
		return accounts.findByUsername(username).map(account -> account.admitsSessionFrom(signedInAt)).orElse(true);
	}

	/** Letters, digits, dots, dashes and underscores of {@code name}; "guardian" when too little is left. */
	static String usernameFrom(String name) {
		String cleaned = name == null ? "" : name.strip().replaceAll("\\s+", "-").replaceAll("[^A-Za-z0-9._-]", "");
		if (cleaned.length() > 56) {
			cleaned = cleaned.substring(0, 56);
		}
		return cleaned.length() < 3 ? "guardian" : cleaned;
	}

	private Account account(String username) {
		return accounts.findByUsername(username)
			.orElseThrow(() -> new AccountException("no account named '" + username + "'"));
	}

}
