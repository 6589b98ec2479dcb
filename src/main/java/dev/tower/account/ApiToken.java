package dev.tower.account;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** A personal API token. Only its SHA-256 hash is stored; the token itself is shown once, when issued. */
@Entity
class ApiToken {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "account_id")
	private Account account;

	private String name;

	private String tokenHash;

	/** The first characters of the token, so its owner can tell tokens apart. */
	private String tokenPrefix;

	/** The scope's id, as {@link TokenScopes} knows it. */
	private String scope;

	private Instant createdAt;

	private Instant lastUsedAt;

	protected ApiToken() {
	}

	ApiToken(Account account, String name, String tokenHash, String tokenPrefix, TokenScope scope) {
		this.account = account;
		this.name = name;
		this.tokenHash = tokenHash;
		this.tokenPrefix = tokenPrefix;
		this.scope = scope.id();
		this.createdAt = Instant.now();
	}

	Long getId() {
		return id;
	}

	Account getAccount() {
		return account;
	}

	String getTokenHash() {
		return tokenHash;
	}

	TokenScope scope(TokenScopes scopes) {
		return scopes.of(scope);
	}

	ApiTokenView view(TokenScopes scopes) {
		return new ApiTokenView(id, name, tokenPrefix, scope(scopes), createdAt, lastUsedAt);
	}

}
