package dev.tower.results.ingest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import dev.tower.results.ResultsProperties;

/**
 * The original's Queue table, made safe for several ingesters: an entry is claimed by a conditional update, so
 * two workers never take the same file; an entry whose ingester died is released after {@link #STALE}; entries
 * past their time to live expire, and are purged {@code keep-expired} later.
 */
@Repository
public class IngestQueue {

	/** Longer than any file takes; a claim this old belongs to an ingester that is gone. */
	static final Duration STALE = Duration.ofMinutes(30);

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

	/** Takes a pending entry for this ingester, or reports that another took it first. */
	Optional<QueueEntry> claim(long id) {
		int claimed = jdbc.sql("""
				update ingest_queue set state = 'PROCESSING', claimed_at = ?, attempts = attempts + 1
				where id = ? and state = 'PENDING' and time_to_live > ?""")
			.params(Timestamp.from(Instant.now()), id, Timestamp.from(Instant.now()))
			.update();
		return claimed == 1 ? find(id) : Optional.empty();
	}

	/** Ids of pending entries, oldest first. */
	List<Long> pending(int limit) {
		return jdbc.sql("select id from ingest_queue where state = 'PENDING' order by id").withMaxRows(limit)
			.query(Long.class).list();
	}

	/** The total size of these entries' files, for the progress bar. */
	long bytes(List<Long> ids) {
		long bytes = 0;
		for (int from = 0; from < ids.size(); from += 1000) {
			List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
			String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
			bytes += jdbc.sql("select coalesce(sum(file_size), 0) from ingest_queue where id in (" + marks + ")")
				.params(new ArrayList<Object>(chunk))
				.query(Long.class)
				.single();
		}
		return bytes;
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
		int released = jdbc.sql("""
				update ingest_queue set state = case when attempts >= ? then 'FAILED' else 'PENDING' end,
				                        last_error = 'the ingester stopped while reading this file'
				where state = 'PROCESSING' and claimed_at < ?""")
			.params(properties.attempts(), Timestamp.from(now.minus(STALE))).update();
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

	/** An admin's second chance for a failed or expired entry: pending again, with a fresh time to live. */
	@Transactional
	public boolean retry(long id) {
		return jdbc.sql("""
				update ingest_queue set state = 'PENDING', attempts = 0, last_error = null, time_to_live = ?
				where id = ? and state in ('FAILED', 'EXPIRED')""")
			.params(Timestamp.from(Instant.now().plus(properties.timeToLive())), id).update() == 1;
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
