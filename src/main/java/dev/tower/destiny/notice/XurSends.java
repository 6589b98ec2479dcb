package dev.tower.destiny.notice;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The record of every send, and the claim that makes it happen once: a worker inserts a player's row for the visit
 * before it mails, and the unique (account, visit) constraint lets only one insert in, however many workers race.
 * Each statement commits on its own, so a lost race costs nothing but the refused insert.
 */
@Repository
class XurSends {

	static final String SENDING = "sending";

	static final String SENT = "sent";

	static final String FAILED = "failed";

	private final JdbcClient db;

	XurSends(JdbcClient db) {
		this.db = db;
	}

	/** Claims the player's mail for this visit; false when a worker already has (sent, sending or failed). */
	boolean claim(long accountId, LocalDate visit, String address, int items, Instant now) {
		try {
			db.sql("""
					insert into xur_mail (account_id, visit, address, state, items, created_at)
					values (?, ?, ?, ?, ?, ?)""")
				.params(accountId, visit, address, SENDING, items, Timestamp.from(now))
				.update();
			return true;
		}
		catch (DuplicateKeyException taken) {
			return false;
		}
	}

	/**
	 * Claims again a mail the SMTP server refused, for another try; false when another worker took it first. A mail
	 * left "sending" (its worker died between the claim and the end of the SMTP exchange) is never taken again: the
	 * server may have it, and a missed notice is better than a double one.
	 */
	boolean reclaim(long accountId, LocalDate visit, String address) {
		return db.sql("""
				update xur_mail set state = ?, address = ?, error = null
				where account_id = ? and visit = ? and state = ?""")
			.params(SENDING, address, accountId, visit, FAILED)
			.update() > 0;
	}

	void sent(long accountId, LocalDate visit, Instant now) {
		db.sql("update xur_mail set state = ?, sent_at = ? where account_id = ? and visit = ?")
			.params(SENT, Timestamp.from(now), accountId, visit)
			.update();
	}

	void failed(long accountId, LocalDate visit, String error) {
		db.sql("update xur_mail set state = ?, error = ? where account_id = ? and visit = ?")
			.params(FAILED, error.length() > 1000 ? error.substring(0, 1000) : error, accountId, visit)
			.update();
	}

	/**
	 * Claims the Slack channel's summary for this visit, in the caller's transaction with the notification that
	 * carries it.
	 * @throws DuplicateKeyException when it was claimed already (the transaction is then spoilt: roll it back)
	 */
	void claimSlack(LocalDate visit, Instant now) {
		db.sql("insert into xur_slack_post (visit, created_at) values (?, ?)").params(visit, Timestamp.from(now)).update();
	}

	List<SentMail> mails(LocalDate visit) {
		return db.sql("select account_id, address, state, items, error from xur_mail where visit = ? order by id")
			.param(visit)
			.query((rs, n) -> new SentMail(rs.getLong("account_id"), rs.getString("address"), rs.getString("state"),
					rs.getInt("items"), rs.getString("error")))
			.list();
	}

	/** One row of the record. */
	record SentMail(long accountId, String address, String state, int items, String error) {
	}

}
