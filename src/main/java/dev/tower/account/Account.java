package dev.tower.account;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A local user: a name, a password hash (never the password), and whether it may change data. */
@Entity
class Account {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String username;

	private String passwordHash;

	private boolean admin;

	private Instant createdAt;

	protected Account() {
	}

	Account(String username, String passwordHash, boolean admin) {
		this.username = username;
		this.passwordHash = passwordHash;
		this.admin = admin;
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

	void changePasswordHash(String passwordHash) {
		this.passwordHash = passwordHash;
	}

	boolean isAdmin() {
		return admin;
	}

	AccountView view() {
		return new AccountView(id, username, admin, createdAt);
	}

}
