package dev.tower.account;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * A local user: a name, a password hash (never the password), a {@link Role}, and whether an admin disabled it.
 * A new password, a new role or a disabling ends the sessions signed in before it ({@link #credentialsChangedAt}).
 */
@Entity
class Account {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String username;

	private String passwordHash;

	@Enumerated(EnumType.STRING)
	private Role role;

	private boolean disabled;

	private Instant createdAt;

	/** Sessions signed in before this instant are over; null when nothing changed since the account was made. */
	private Instant credentialsChangedAt;

	protected Account() {
	}

	Account(String username, String passwordHash, Role role) {
		this.username = username;
		this.passwordHash = passwordHash;
		this.role = role;
		this.createdAt = Instant.now();
	}

	Long getId() {
		return id;
	}

	String getUsername() {
		return username;
	}

	String getPasswordHash() {
		return passwordHash;
	}

	Role getRole() {
		return role;
	}

	boolean isDisabled() {
		return disabled;
	}

	void changePasswordHash(String passwordHash) {
		this.passwordHash = passwordHash;
		endSessions();
	}

	void grant(Role role) {
		if (this.role != role) {
			this.role = role;
			endSessions();
		}
	}

	void disable(boolean disabled) {
		this.disabled = disabled;
		endSessions();
	}

	/** Whether a session signed in at {@code signedInAt} (null: unknown) may go on. */
	boolean admitsSessionFrom(Instant signedInAt) {
		return !disabled && (credentialsChangedAt == null || (signedInAt != null && !signedInAt.isBefore(credentialsChangedAt)));
	}

	private void endSessions() {
		this.credentialsChangedAt = Instant.now();
	}

	AccountView view() {
		return new AccountView(id, username, role, disabled, createdAt);
	}

}
