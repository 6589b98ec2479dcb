package dev.tower.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues, lists, revokes and checks personal API tokens. A token is 256 random bits, so a plain SHA-256
 * is the right hash (no salt or stretching needed) and the lookup is by that hash.
 */
@Service
public class ApiTokenService {

	static final String PREFIX = "twr_";

	private static final int MAX_TOKENS_PER_ACCOUNT = 50;

	/**
	 * Machines call the API in bursts; checking each request against the database would dominate its cost.
	 * A revoked token (or one of a disabled account) is dropped from this node's cache at once, and from
	 * other processes' (other web nodes, after a {@code tower user} command) within the expiry.
	 */
	private final Cache<String, TokenHolder> recentlyChecked = Caffeine.newBuilder()
		.maximumSize(10_000)
		.expireAfterWrite(Duration.ofSeconds(30))
		.build();

	private final SecureRandom random = new SecureRandom();

	private final ApiTokenRepository tokens;

	private final AccountRepository accounts;

	private final TokenScopes scopes;

	ApiTokenService(ApiTokenRepository tokens, AccountRepository accounts, TokenScopes scopes) {
		this.tokens = tokens;
		this.accounts = accounts;
		this.scopes = scopes;
	}

	@Transactional
	public IssuedToken issue(String username, String name, TokenScope scope) {
		Objects.requireNonNull(scope, "a token needs a scope");
		String label = name == null ? "" : name.strip();
		if (label.isEmpty() || label.length() > 80) {
			throw new AccountException("a token needs a name of 1 to 80 characters, to tell it apart later");
		}
		Account account = accounts.findByUsername(username)
			.orElseThrow(() -> new AccountException("no account named '" + username + "'"));
		if (account.getRole() == Role.PLAYER) {
			throw new AccountException("'" + username + "' may use the Destiny board only, which needs no token: "
					+ "an admin can grant it the user role (tower user role " + username + " user)");
		}
		if (tokens.countByAccountUsername(username) >= MAX_TOKENS_PER_ACCOUNT) {
			throw new AccountException("an account can hold at most " + MAX_TOKENS_PER_ACCOUNT + " tokens: revoke one first");
		}
		byte[] secret = new byte[32];
		random.nextBytes(secret);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		ApiToken saved = tokens.save(new ApiToken(account, label, hash(token), token.substring(0, 10), scope));
		return new IssuedToken(saved.view(scopes), token);
	}

	@Transactional(readOnly = true)
	List<ApiTokenView> list(String username) {
		return tokens.findByAccountUsernameOrderByCreatedAtDesc(username).stream().map(token -> token.view(scopes)).toList();
	}

	@Transactional
	boolean revoke(String username, long tokenId) {
		return tokens.findByIdAndAccountUsername(tokenId, username).map(token -> {
			tokens.delete(token);
			recentlyChecked.invalidate(token.getTokenHash());
			return true;
		}).orElse(false);
	}

	/** Revokes every token of the account, e.g. when one leaked and nobody knows which; returns how many. */
	@Transactional
	public int revokeAll(String username) {
		if (!accounts.existsByUsername(username)) {
			throw new AccountException("no account named '" + username + "'");
		}
		List<ApiToken> revoked = tokens.findByAccountUsernameOrderByCreatedAtDesc(username);
		tokens.deleteAll(revoked);
		revoked.forEach(token -> recentlyChecked.invalidate(token.getTokenHash()));
		return revoked.size();
	}

	/** After an account's role or state changed: what this node remembers of its tokens may no longer hold. */
	void forgetCached() {
		recentlyChecked.invalidateAll();
	}

	/**
	 * The account a presented token belongs to and what it may do, if the token is one we issued and still hold and
	 * its account is not disabled.
	 */
	Optional<TokenHolder> authenticate(String presented) {
		if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 100) {
			return Optional.empty();
		}
		String hash = hash(presented);
		TokenHolder cached = recentlyChecked.getIfPresent(hash);
		if (cached != null) {
			return Optional.of(cached);
		}
		Optional<TokenHolder> holder = tokens.findByTokenHash(hash)
			.filter(token -> !token.getAccount().isDisabled())
			.map(token -> {
				tokens.markUsed(token.getId(), Instant.now());
				return new TokenHolder(token.getAccount().getUsername(), token.getAccount().getRole(), token.scope(scopes));
			});
		holder.ifPresent(h -> recentlyChecked.put(hash, h));
		return holder;
	}

	static String hash(String token) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	}

	/** A token as issued: its secret is shown to its owner once and never stored. */
	public record IssuedToken(ApiTokenView token, String secret) {
	}

	/** Cached for a while, so the scope travels with the account: a cache hit must not widen what a token may do. */
	record TokenHolder(String username, Role role, TokenScope scope) {

		/**
		 * An api token is its account, with its roles; a narrower token has no role at all, so every rule that asks
		 * for one refuses it, and only the rule for its scope's requests lets it in.
		 */
		List<GrantedAuthority> authorities() {
			List<GrantedAuthority> authorities = new ArrayList<>();
			if (scope.equals(TokenScope.API)) {
				for (String role : role.granted()) {
					authorities.add(new SimpleGrantedAuthority("ROLE_" + role));
				}
			}
			authorities.add(new SimpleGrantedAuthority(scope.authority()));
			return authorities;
		}

	}

}
