package dev.tower.destiny.manifest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import dev.tower.destiny.manifest.ManifestVersion.State;

/** The {@code manifest_version} history and the one {@code manifest_status} row, in plain SQL. */
@Repository
class ManifestVersions {

	private static final String COLUMNS = "id, version_key, bungie_version, source, state, reason, rows_loaded, "
			+ "bytes_read, started_at, activated_at, retired_at, failed_at";

	private final JdbcClient jdbc;

	ManifestVersions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<ManifestVersion> active() {
		return jdbc.sql("select " + COLUMNS + " from manifest_version where state = 'ACTIVE' order by id desc")
			.query(ManifestVersions::version)
			.optional();
	}

	List<ManifestVersion> recent(int limit) {
		return jdbc.sql("select " + COLUMNS + " from manifest_version order by id desc limit :limit")
			.param("limit", limit)
			.query(ManifestVersions::version)
			.list();
	}

	long startDownload(ManifestRelease release, Instant now) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("insert into manifest_version (version_key, bungie_version, source, state, started_at) "
				+ "values (:key, :bungie, :source, 'DOWNLOADING', :now)")
			.param("key", release.versionKey())
			.param("bungie", release.bungieVersion())
			.param("source", release.source().name())
			.param("now", utc(now))
			.update(key, "id");
		return key.getKey().longValue();
	}

	void loaded(long id, long rows, long bytes) {
		jdbc.sql("update manifest_version set rows_loaded = :rows, bytes_read = :bytes where id = :id")
			.param("rows", rows).param("bytes", bytes).param("id", id).update();
	}

	void failed(long id, String reason, Instant now) {
		jdbc.sql("update manifest_version set state = 'FAILED', reason = :reason, failed_at = :now where id = :id")
			.param("reason", reason.length() > 2000 ? reason.substring(0, 2000) : reason)
			.param("now", utc(now)).param("id", id).update();
	}

	/** Downloads a killed process left behind: marked failed, so their rows can go. */
	int abandonDownloads(Instant now) {
		return jdbc.sql("update manifest_version set state = 'FAILED', failed_at = :now, "
				+ "reason = 'interrupted: the process stopped before the download finished' where state = 'DOWNLOADING'")
			.param("now", utc(now)).update();
	}

	/** The switch: the old version retires and the new one serves, in one transaction. */
	@Transactional
	void activate(long id, Instant now) {
		jdbc.sql("update manifest_version set state = 'RETIRED', retired_at = :now where state = 'ACTIVE'")
			.param("now", utc(now)).update();
		int switched = jdbc.sql("update manifest_version set state = 'ACTIVE', activated_at = :now "
				+ "where id = :id and state = 'DOWNLOADING'")
			.param("now", utc(now)).param("id", id).update();
		if (switched != 1) {
			throw new IllegalStateException("manifest version " + id + " is no longer downloading");
		}
	}

	/** Deletes the definitions of every version but {@code keep} (0 keeps none). */
	long deleteRowsExcept(long keep) {
		long deleted = 0;
		for (ManifestTable table : ManifestTable.values()) {
			deleted += jdbc.sql("delete from " + table.sqlTable() + " where version_id <> :keep").param("keep", keep).update();
		}
		return deleted;
	}

	void deleteRowsOf(long id) {
		for (ManifestTable table : ManifestTable.values()) {
			jdbc.sql("delete from " + table.sqlTable() + " where version_id = :id").param("id", id).update();
		}
	}

	long count(ManifestTable table, long versionId) {
		return jdbc.sql("select count(*) from " + table.sqlTable() + " where version_id = :id")
			.param("id", versionId).query(Long.class).single();
	}

	// The status row

	record Status(Instant checkedAt, String checkResult) {
	}

	Status status() {
		ensureStatusRow();
		return jdbc.sql("select checked_at, check_result from manifest_status where id = 1")
			.query((rs, n) -> new Status(instant(rs, "checked_at"), rs.getString("check_result")))
			.single();
	}

	void checked(Instant now, String result) {
		ensureStatusRow();
		jdbc.sql("update manifest_status set checked_at = :now, check_result = :result where id = 1")
			.param("now", utc(now)).param("result", result.length() > 2000 ? result.substring(0, 2000) : result).update();
	}

	/** One update at a time across every process: a lease, renewed while the update runs, lost when it dies. */
	boolean acquireLease(String owner, Instant now, Instant until) {
		ensureStatusRow();
		return jdbc.sql("update manifest_status set lease_owner = :owner, lease_until = :until "
				+ "where id = 1 and (lease_until is null or lease_until < :now or lease_owner = :owner)")
			.param("owner", owner).param("until", utc(until)).param("now", utc(now)).update() == 1;
	}

	boolean renewLease(String owner, Instant until) {
		return jdbc.sql("update manifest_status set lease_until = :until where id = 1 and lease_owner = :owner")
			.param("owner", owner).param("until", utc(until)).update() == 1;
	}

	void releaseLease(String owner) {
		jdbc.sql("update manifest_status set lease_owner = null, lease_until = null where id = 1 and lease_owner = :owner")
			.param("owner", owner).update();
	}

	/** True for the one caller (cluster-wide) that may start a check now; false within {@code since} of the last. */
	boolean claimUnknownItemCheck(Instant now, Instant since) {
		ensureStatusRow();
		return jdbc.sql("update manifest_status set unknown_item_check_at = :now "
				+ "where id = 1 and (unknown_item_check_at is null or unknown_item_check_at <= :since)")
			.param("now", utc(now)).param("since", utc(since)).update() == 1;
	}

	private void ensureStatusRow() {
		try {
			jdbc.sql("insert into manifest_status (id) select 1 where not exists (select 1 from manifest_status where id = 1)")
				.update();
		}
		catch (DuplicateKeyException raced) {
			// another process inserted it first
		}
	}

	private static ManifestVersion version(ResultSet rs, int row) throws SQLException {
		return new ManifestVersion(rs.getLong("id"), rs.getString("version_key"), rs.getString("bungie_version"),
				rs.getString("source"), State.valueOf(rs.getString("state")), rs.getString("reason"),
				rs.getLong("rows_loaded"), rs.getLong("bytes_read"), instant(rs, "started_at"),
				instant(rs, "activated_at"), instant(rs, "retired_at"), instant(rs, "failed_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
