package dev.tower.results.ingest;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import dev.tower.results.ResultsProperties;

/**
 * The original's Queue table, made safe for several ingesters: an entry is claimed by a conditional update, so
 * two workers never take the same file. A claim is a lease ({@code tower.results.claim-lease}) that its ingester
 * renews while it works ({@link ClaimRenewal}); an entry whose lease ran out belongs to an ingester that is gone
 * and is released. Entries past their time to live expire, and are purged {@code keep-expired} later.
 */
@Repository
public class IngestQueue {

	/** Who claims entries from this process, as other ingesters are told: {@code pid@host}. */
	static final String HOLDER = ProcessHandle.current().pid() + "@" + hostName();

	private final JdbcClient jdbc;

	private final ResultsProperties properties;

	IngestQueue(JdbcClient jdbc, ResultsProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	/**
	 * Queues the files not already waiting, and not already done (or failed: an admin retries those) with the same
	 * size and time, for the same run and host: re-queuing a tree adds nothing, the same file for another run is
	 * that run's. Returns the ids of the entries added.
	 */
	@Transactional
	public List<Long> enqueue(List<QueuedFile> files) {
		Instant now = Instant.now();
		List<Long> added = new ArrayList<>();
		for (QueuedFile file : files) {
			String path = file.path().toString();
			RunInfo run = file.run();
			boolean known = jdbc.sql("""
					select count(*) from ingest_queue
					where file_path = ? and run_name = ? and owner = ? and site = ? and host = ? and run_tag = ?
					  and coalesce(user_tag, '') = ?
					  and (state in ('PENDING', 'PROCESSING')
					       or (state in ('DONE', 'FAILED') and file_size = ? and file_modified = ?))""")
				.params(path, run.name(), run.owner(), run.site(), run.host(), run.runTag(),
						run.userTag() == null ? "" : run.userTag(), file.size(), Timestamp.from(file.modified()))
				.query(Long.class)
				.single() > 0;
			if (known) {
				continue;
			}
			var keys = new GeneratedKeyHolder();
			jdbc.sql("""
					insert into ingest_queue (created_at, time_to_live, run_dir, file_path, file_size, file_modified,
					                          run_name, owner, site, host, run_tag, user_tag, state)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING')""")
				.params(Timestamp.from(now), Timestamp.from(now.plus(properties.timeToLive())), run.runDir(), path,
						file.size(), Timestamp.from(file.modified()), run.name(), run.owner(), run.site(), run.host(),
						run.runTag(), run.userTag())
				.update(keys, "id");
			added.add(keys.getKey().longValue());
		}
		return added;
	}

	/** Takes a pending entry for this ingester, under a lease, or reports that another took it first. */
	Optional<QueueEntry> claim(long id) {
		Instant now = Instant.now();
		int claimed = jdbc.sql("""
				update ingest_queue set state = 'PROCESSING', claimed_at = ?, lease_until = ?, claimed_by = ?,
				                        attempts = attempts + 1
				where id = ? and state = 'PENDING' and time_to_live > ?""")
			.params(Timestamp.from(now), Timestamp.from(now.plus(properties.claimLease())), HOLDER, id, Timestamp.from(now))
			.update();
		return claimed == 1 ? find(id) : Optional.empty();
	}

	/** Extends this process's leases on these entries, those it still holds. */
	void renew(List<Long> ids) {
		Timestamp until = Timestamp.from(Instant.now().plus(properties.claimLease()));
		for (List<Long> chunk : chunks(ids)) {
			List<Object> params = new ArrayList<>(List.of(until, HOLDER));
			params.addAll(chunk);
			jdbc.sql("update ingest_queue set lease_until = ? where claimed_by = ? and state = 'PROCESSING' and id in ("
					+ marks(chunk) + ")").params(params).update();
		}
	}

	/** Claimed entries whose lease ran out, their ingester gone: pending again, or failed once out of attempts. */
	@Transactional
	int releaseExpired() {
		return jdbc.sql("""
				update ingest_queue set state = case when attempts >= ? then 'FAILED' else 'PENDING' end,
				                        last_error = 'the ingester stopped while reading this file'
				where state = 'PROCESSING' and lease_until < ?""")
			.params(properties.attempts(), Timestamp.from(Instant.now())).update();
	}

	/**
	 * The entries of these files not finished: pending, claimed, or failed without a verdict on the file (it could
	 * not be read); a file Tower rejected is finished.
	 */
	List<Unfinished> unfinished(List<String> paths) {
		List<Unfinished> found = new ArrayList<>();
		for (List<String> chunk : chunks(paths)) {
			found.addAll(jdbc.sql(UNFINISHED + " where (state in ('PENDING', 'PROCESSING') or (state = 'FAILED' and file_id is null))"
					+ " and file_path in (" + marks(chunk) + ") order by id")
				.params(new ArrayList<Object>(chunk)).query(IngestQueue::unfinished).list());
		}
		return found;
	}

	/** The entries claimed now, by this ingester or others. */
	List<Unfinished> claimed() {
		return jdbc.sql(UNFINISHED + " where state = 'PROCESSING' order by id").query(IngestQueue::unfinished).list();
	}

	private static final String UNFINISHED = "select id, state, lease_until, claimed_by from ingest_queue";

	/** An entry not finished, and who holds it when it is claimed. */
	record Unfinished(long id, QueueState state, Instant leaseUntil, String claimedBy) {

		/** "1234@build-7 until 2026-12-07T02:31:05Z": who holds these claims, and until when unless renewed. */
		static String holders(List<Unfinished> claimed) {
			return claimed.stream().map(Unfinished::claimedBy).distinct().collect(Collectors.joining(", ")) + " until "
					+ claimed.stream().map(Unfinished::leaseUntil).max(Instant::compareTo).orElseThrow().truncatedTo(ChronoUnit.SECONDS);
		}

	}

	private static Unfinished unfinished(ResultSet rs, int row) throws SQLException {
		Timestamp lease = rs.getTimestamp("lease_until");
		return new Unfinished(rs.getLong("id"), QueueState.valueOf(rs.getString("state")),
				lease == null ? null : lease.toInstant(), rs.getString("claimed_by"));
	}

	/** Ids of pending entries, oldest first. */
	List<Long> pending(int limit) {
		return jdbc.sql("select id from ingest_queue where state = 'PENDING' order by id").withMaxRows(limit)
			.query(Long.class).list();
	}

	/** The total size of these entries' files, for the progress bar. */
	long bytes(List<Long> ids) {
		long bytes = 0;
		for (List<Long> chunk : chunks(ids)) {
			bytes += jdbc.sql("select coalesce(sum(file_size), 0) from ingest_queue where id in (" + marks(chunk) + ")")
				.params(new ArrayList<Object>(chunk))
				.query(Long.class)
				.single();
		}
		return bytes;
	}

	/** Lists cut to a size any database takes in an {@code in (…)}. */
	private static <T> List<List<T>> chunks(List<T> items) {
		List<List<T>> chunks = new ArrayList<>();
		for (int from = 0; from < items.size(); from += 1000) {
			chunks.add(items.subList(from, Math.min(items.size(), from + 1000)));
		}
		return chunks;
	}

	private static String marks(List<?> chunk) {
		return String.join(", ", Collections.nCopies(chunk.size(), "?"));
	}

	void done(long id, Long fileId) {
		jdbc.sql("update ingest_queue set state = 'DONE', file_id = ?, last_error = null where id = ?")
			.params(fileId, id).update();
	}

	/** A file Tower refused: done trying, the reason kept. */
	void rejected(long id, Long fileId, String reason) {
		jdbc.sql("update ingest_queue set state = 'FAILED', file_id = ?, last_error = ? where id = ?")
			.params(fileId, ResultStore.clip(reason, 2000), id).update();
	}

	/** A failure that may pass (file missing for now, database hiccup): pending again until attempts run out. */
	void failed(long id, String error) {
		jdbc.sql("""
				update ingest_queue set state = case when attempts >= ? then 'FAILED' else 'PENDING' end, last_error = ?
				where id = ?""")
			.params(properties.attempts(), ResultStore.clip(error, 2000), id).update();
	}

	/** Releases entries claimed by ingesters that died, expires overdue ones and purges old ones. */
	@Transactional
	Maintenance maintain() {
		Instant now = Instant.now();
		int released = releaseExpired();
		int expired = jdbc.sql("""
				update ingest_queue set state = 'EXPIRED' where state in ('PENDING', 'FAILED') and time_to_live < ?""")
			.param(Timestamp.from(now)).update();
		int purged = jdbc.sql("""
				delete from ingest_queue where state in ('EXPIRED', 'DONE') and time_to_live < ?""")
			.param(Timestamp.from(now.minus(properties.keepExpired()))).update();
		return new Maintenance(released, expired, purged);
	}

	record Maintenance(int released, int expired, int purged) {
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "localhost";
		}
	}

	/** An admin's second chance for a failed or expired entry: pending again, with a fresh time to live. */
	@Transactional
	public boolean retry(long id) {
		return jdbc.sql("""
				update ingest_queue set state = 'PENDING', attempts = 0, last_error = null, time_to_live = ?
				where id = ? and state in ('FAILED', 'EXPIRED')""")
			.params(Timestamp.from(Instant.now().plus(properties.timeToLive())), id).update() == 1;
	}

	/** Pending or failed entries someone asks to ingest now: pending, with their attempts and time to live afresh. */
	@Transactional
	void resume(List<Long> ids) {
		Timestamp timeToLive = Timestamp.from(Instant.now().plus(properties.timeToLive()));
		for (List<Long> chunk : chunks(ids)) {
			List<Object> params = new ArrayList<>(List.of(timeToLive));
			params.addAll(chunk);
			jdbc.sql("update ingest_queue set state = 'PENDING', attempts = 0, last_error = null, time_to_live = ?"
					+ " where state in ('PENDING', 'FAILED') and id in (" + marks(chunk) + ")").params(params).update();
		}
	}

	@Transactional
	public boolean delete(long id) {
		return jdbc.sql("delete from ingest_queue where id = ? and state <> 'PROCESSING'").param(id).update() == 1;
	}

	public Optional<QueueEntry> find(long id) {
		return jdbc.sql("select * from ingest_queue where id = ?").param(id).query(IngestQueue::entry).optional();
	}

	public List<QueueEntry> list(QueueState state, int limit) {
		var query = state == null ? jdbc.sql("select * from ingest_queue order by id desc")
				: jdbc.sql("select * from ingest_queue where state = ? order by id desc").param(state.name());
		return query.withMaxRows(limit).query(IngestQueue::entry).list();
	}

	public Map<QueueState, Long> counts() {
		Map<QueueState, Long> counts = new EnumMap<>(QueueState.class);
		for (QueueState state : QueueState.values()) {
			counts.put(state, 0L);
		}
		jdbc.sql("select state, count(*) from ingest_queue group by state")
			.query((rs, row) -> Map.entry(QueueState.valueOf(rs.getString(1)), rs.getLong(2)))
			.list()
			.forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
		return counts;
	}

	private static QueueEntry entry(ResultSet rs, int row) throws SQLException {
		return new QueueEntry(rs.getLong("id"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("time_to_live").toInstant(), rs.getString("run_dir"), rs.getString("file_path"), rs.getLong("file_size"),
				rs.getString("run_name"), rs.getString("owner"), rs.getString("site"), rs.getString("host"),
				rs.getString("run_tag"), rs.getString("user_tag"), QueueState.valueOf(rs.getString("state")),
				rs.getInt("attempts"), rs.getString("last_error"), (Long) rs.getObject("file_id", Long.class));
	}

}
