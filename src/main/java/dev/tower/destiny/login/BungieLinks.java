package dev.tower.destiny.login;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.tower.destiny.login.TokenCipher.UnreadableTokenException;

/**
 * The {@code bungie_link} table. Tokens are encrypted on the way in and decrypted on the way out, each bound to
 * its Bungie account and column; plain tokens never reach the database.
 */
@Repository
class BungieLinks {

	private static final String COLUMNS = "account_id, bungie_membership_id, membership_type, destiny_membership_id, "
			+ "display_name, access_token, access_expires_at, refresh_token, refresh_expires_at";

	private final JdbcClient jdbc;

	private final TokenSecret secret;

	BungieLinks(JdbcClient jdbc, TokenSecret secret) {
		this.jdbc = jdbc;
		this.secret = secret;
	}

	/** @throws UnreadableTokenException when the stored tokens cannot be decrypted (changed, or another key) */
	Optional<BungieLink> find(long accountId) {
		return jdbc.sql("select " + COLUMNS + " from bungie_link where account_id = ?")
			.param(accountId)
			.query(this::link)
			.optional();
	}

	/**
	 * The link, its row locked until the surrounding transaction ends: whoever holds it is the only one to spend
	 * the account's single-use refresh token, on this node or any other.
	 */
	Optional<BungieLink> lock(long accountId) {
		return jdbc.sql("select " + COLUMNS + " from bungie_link where account_id = ? for update")
			.param(accountId)
			.query(this::link)
			.optional();
	}

	Optional<Long> accountOf(String bungieMembershipId) {
		return jdbc.sql("select account_id from bungie_link where bungie_membership_id = ?")
			.param(bungieMembershipId)
			.query(Long.class)
			.optional();
	}

	/** Links the account to the membership with fresh tokens, replacing whatever it was linked to before. */
	void save(long accountId, Membership membership, Tokens tokens) {
		Instant now = Instant.now();
		Encrypted sealed = encrypt(membership.bungieMembershipId(), tokens);
		int updated = jdbc.sql("""
				update bungie_link set bungie_membership_id = ?, membership_type = ?, destiny_membership_id = ?,
				  display_name = ?, access_token = ?, access_expires_at = ?, refresh_token = ?, refresh_expires_at = ?,
				  updated_at = ?
				where account_id = ?""")
			.params(membership.bungieMembershipId(), membership.membershipType(), membership.destinyMembershipId(),
					membership.displayName(), sealed.access(), timestamp(tokens.accessExpiresAt()), sealed.refresh(),
					timestamp(tokens.refreshExpiresAt()), timestamp(now), accountId)
			.update();
		if (updated == 0) {
			jdbc.sql("insert into bungie_link (" + COLUMNS + ", updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
				.params(accountId, membership.bungieMembershipId(), membership.membershipType(),
						membership.destinyMembershipId(), membership.displayName(), sealed.access(),
						timestamp(tokens.accessExpiresAt()), sealed.refresh(), timestamp(tokens.refreshExpiresAt()),
						timestamp(now))
				.update();
		}
	}

	void storeTokens(long accountId, String bungieMembershipId, Tokens tokens) {
		Encrypted sealed = encrypt(bungieMembershipId, tokens);
		jdbc.sql("""
				update bungie_link set access_token = ?, access_expires_at = ?, refresh_token = ?, refresh_expires_at = ?,
				  updated_at = ?
				where account_id = ?""")
			.params(sealed.access(), timestamp(tokens.accessExpiresAt()), sealed.refresh(),
					timestamp(tokens.refreshExpiresAt()), timestamp(Instant.now()), accountId)
			.update();
	}

	/** The tokens go; the link stays, so the next Bungie.net login signs in the same Tower account. */
	void forgetTokens(long accountId) {
		jdbc.sql("""
				update bungie_link set access_token = null, access_expires_at = null, refresh_token = null,
				  refresh_expires_at = null, updated_at = ?
				where account_id = ?""")
			.params(timestamp(Instant.now()), accountId)
			.update();
	}

	private Encrypted encrypt(String bungieMembershipId, Tokens tokens) {
		TokenCipher cipher = cipher();
		return new Encrypted(cipher.encrypt(tokens.access(), "access:" + bungieMembershipId),
				tokens.refresh() == null ? null : cipher.encrypt(tokens.refresh(), "refresh:" + bungieMembershipId));
	}

	private BungieLink link(ResultSet row, int n) throws SQLException {
		String bungieMembershipId = row.getString("bungie_membership_id");
		String displayName = row.getString("display_name");
		Membership membership = new Membership(bungieMembershipId, row.getInt("membership_type"),
				row.getString("destiny_membership_id"), displayName, displayName);
		String access = row.getString("access_token");
		if (access == null) {
			return new BungieLink(row.getLong("account_id"), membership, null);
		}
		TokenCipher cipher = secret.cipher()
			.orElseThrow(() -> new UnreadableTokenException("there is no key to read stored tokens with"));
		String refresh = row.getString("refresh_token");
		Tokens tokens = new Tokens(cipher.decrypt(access, "access:" + bungieMembershipId),
				instant(row.getTimestamp("access_expires_at")),
				refresh == null ? null : cipher.decrypt(refresh, "refresh:" + bungieMembershipId),
				instant(row.getTimestamp("refresh_expires_at")));
		return new BungieLink(row.getLong("account_id"), membership, tokens);
	}

	private TokenCipher cipher() {
		return secret.cipher()
			.orElseThrow(() -> new IllegalStateException("Bungie.net tokens cannot be stored without TOWER_SECRET_KEY"));
	}

	private static Timestamp timestamp(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	private record Encrypted(String access, String refresh) {
	}

}
