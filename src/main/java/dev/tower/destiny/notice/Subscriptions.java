package dev.tower.destiny.notice;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The players' choices ({@code xur_subscription}): who gets Xûr by mail, who wants him in Slack. */
@Repository
class Subscriptions {

	/** How long a confirmation link works. */
	static final Duration CONFIRM_FOR = Duration.ofDays(2);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient db;

	private final Clock clock;

	Subscriptions(JdbcClient db, ObjectProvider<Clock> clock) {
		this.db = db;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	Subscription find(long accountId) {
		return db.sql("select * from xur_subscription where account_id = ?")
			.param(accountId)
			.query((rs, n) -> new Subscription(rs.getLong("account_id"), rs.getString("email"),
					rs.getBoolean("email_confirmed"), rs.getBoolean("xur_email"), rs.getBoolean("xur_slack"),
					rs.getString("unsubscribe_token")))
			.optional()
			.orElse(Subscription.none(accountId));
	}

	/**
	 * Stores the player's choice. An address not confirmed yet (new, or saved again) gets a fresh confirmation token,
	 * which the answer carries to be mailed (only its hash is kept).
	 */
	@Transactional
	Saved save(long accountId, String email, boolean xurByEmail, boolean xurInSlack) {
		Subscription before = find(accountId);
		boolean sameAddress = Objects.equals(before.email(), email);
		boolean confirmed = sameAddress && before.emailConfirmed();
		String confirmToken = email != null && !confirmed ? token() : null;
		Instant now = clock.instant();
		if (before.unsubscribeToken() == null) {
			db.sql("insert into xur_subscription (account_id, unsubscribe_token, updated_at) values (?, ?, ?)")
				.params(accountId, token(), Timestamp.from(now))
				.update();
		}
		db.sql("""
				update xur_subscription set email = ?, email_confirmed = ?, xur_email = ?, xur_slack = ?, updated_at = ?,
				  confirm_token_hash = case when ? then ? else confirm_token_hash end,
				  confirm_expires_at = case when ? then ? else confirm_expires_at end
				where account_id = ?""")
			.params(email, confirmed, xurByEmail, xurInSlack, Timestamp.from(now), confirmToken != null,
					confirmToken == null ? null : hash(confirmToken), confirmToken != null,
					confirmToken == null ? null : Timestamp.from(now.plus(CONFIRM_FOR)), accountId)
			.update();
		return new Saved(find(accountId), confirmToken);
	}

	/** Follows a confirmation link: the account whose address it confirmed, if the token is current. */
	@Transactional
	Optional<Long> confirm(String token) {
		Optional<Long> account = db.sql("""
				select account_id from xur_subscription
				where confirm_token_hash = ? and confirm_expires_at > ? and email is not null""")
			.params(hash(token), Timestamp.from(clock.instant()))
			.query(Long.class)
			.optional();
		account.ifPresent(id -> db.sql("""
				update xur_subscription set email_confirmed = true, confirm_token_hash = null, confirm_expires_at = null
				where account_id = ?""").param(id).update());
		return account;
	}

	/** An unsubscribe link or List-Unsubscribe: no more of Xûr by mail. False for a token no one holds. */
	boolean unsubscribe(String token) {
		return db.sql("update xur_subscription set xur_email = false, updated_at = ? where unsubscribe_token = ?")
			.params(Timestamp.from(clock.instant()), token)
			.update() > 0;
	}

	/** Who gets Xûr's wares by mail: opted in, to a confirmed address. */
	List<Subscription> byEmail() {
		return db.sql("""
				select account_id, email, unsubscribe_token from xur_subscription
				where xur_email and email_confirmed and email is not null order by account_id""")
			.query((rs, n) -> new Subscription(rs.getLong("account_id"), rs.getString("email"), true, true, false,
					rs.getString("unsubscribe_token")))
			.list();
	}

	/** Whether any player wants Xûr announced in the Slack channel. */
	boolean anyInSlack() {
		return !inSlack().isEmpty();
	}

	/** The accounts of those who want Xûr announced in the Slack channel. */
	List<Long> inSlack() {
		return db.sql("select account_id from xur_subscription where xur_slack order by account_id")
			.query(Long.class)
			.list();
	}

	private static String token() {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static String hash(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
				.digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The stored choice, and the confirmation token to mail when the address needs confirming. */
	record Saved(Subscription subscription, String confirmToken) {
	}

}
