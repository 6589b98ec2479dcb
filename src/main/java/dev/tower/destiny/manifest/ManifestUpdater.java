package dev.tower.destiny.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

import dev.tower.database.BulkInsert;
import dev.tower.destiny.bungie.BungieProperties;
import dev.tower.jobs.Notifications;

/**
 * Keeps the manifest current: reads the version on offer and, when it differs from the one serving, streams the
 * tables Tower uses into the database under a new version, then switches to it in one transaction and deletes
 * the old rows. Until the switch the old version serves; a failed or killed update leaves it serving, and the
 * next attempt removes what the broken one left.
 */
@Service
public class ManifestUpdater {

	private static final Logger log = LoggerFactory.getLogger(ManifestUpdater.class);

	/** How long an update holds the lease between renewals: a killed process blocks the next one no longer. */
	static final Duration LEASE = Duration.ofMinutes(2);

	private static final long RENEW_EVERY_NANOS = Duration.ofSeconds(20).toNanos();

	private final ManifestVersions versions;

	private final BungieManifestSource bungie;

	private final BundledManifestSource bundled;

	private final BungieProperties properties;

	private final ManifestDefinitions definitions;

	private final Notifications notifications;

	private final DataSource dataSource;

	private final TableLoader loader;

	private final Clock clock;

	ManifestUpdater(ManifestVersions versions, BungieManifestSource bungie, BundledManifestSource bundled,
			BungieProperties properties, ManifestDefinitions definitions, Notifications notifications,
			DataSource dataSource, JsonMapper json) {
		this.versions = versions;
		this.bungie = bungie;
		this.bundled = bundled;
		this.properties = properties;
		this.definitions = definitions;
		this.notifications = notifications;
		this.dataSource = dataSource;
		this.loader = new TableLoader(json);
		this.clock = Clock.systemUTC();
	}

	/** Bungie.net when an application is configured; the bundled demo manifest otherwise. */
	ManifestSource source() {
		return properties.configured() ? bungie : bundled;
	}

	/** Checks the source and updates when it offers another version. */
	public ManifestCheck check(ManifestProgress progress) {
		return check(source(), progress);
	}

	ManifestCheck check(ManifestSource source, ManifestProgress progress) {
		ManifestRelease release;
		try {
			release = source.latest();
		}
		catch (RuntimeException ex) {
			versions.checked(clock.instant(), "failed: " + ex.getMessage());
			throw ex;
		}
		Optional<ManifestVersion> active = versions.active();
		String previous = active.map(ManifestVersion::versionKey).orElse(null);
		if (release.versionKey().equals(previous)) {
			versions.checked(clock.instant(), "unchanged: " + previous);
			return new ManifestCheck(ManifestCheck.Outcome.UNCHANGED, previous, previous, 0, 0, Duration.ZERO);
		}
		Lease lease = new Lease(UUID.randomUUID().toString());
		if (!versions.acquireLease(lease.owner, clock.instant(), clock.instant().plus(LEASE))) {
			return new ManifestCheck(ManifestCheck.Outcome.BUSY, previous, previous, 0, 0, Duration.ZERO);
		}
		try {
			return update(source, release, active, lease, progress);
		}
		finally {
			versions.releaseLease(lease.owner);
		}
	}

	private ManifestCheck update(ManifestSource source, ManifestRelease release, Optional<ManifestVersion> active,
			Lease lease, ManifestProgress progress) {
		long started = System.nanoTime();
		// What a killed or failed attempt left: its version marked failed, its rows gone.
		int abandoned = versions.abandonDownloads(clock.instant());
		long stale = versions.deleteRowsExcept(active.map(ManifestVersion::id).orElse(0L));
		if (abandoned + stale > 0) {
			log.info("Removed {} unfinished manifest download(s) and {} of their rows", abandoned, stale);
		}
		String previous = active.map(ManifestVersion::versionKey).orElse(null);
		long id = versions.startDownload(release, clock.instant());
		log.info("Manifest {} → {}: downloading", previous, release.versionKey());
		long estimate = active.map(ManifestVersion::bytes).orElse(0L);
		long rows = 0;
		long bytes = 0;
		int total = ManifestTable.values().length;
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(true);
			int done = 0;
			for (ManifestTable table : ManifestTable.values()) {
				long before = bytes;
				int finished = done;
				try (InputStream in = source.open(release, table);
						BulkInsert insert = BulkInsert.streamingInto(connection, table.sqlTable(), table.sqlColumns())) {
					TableLoader.Loaded loaded = loader.load(table, in, id, insert, read -> {
						lease.renew();
						progress.advanced(before + read, estimate, finished, total);
					});
					rows += loaded.rows();
					bytes += loaded.bytes();
				}
				catch (IOException ex) {
					throw new UncheckedIOException("the download of " + table.bungieName() + " broke off: "
							+ ex.getMessage(), ex);
				}
				done++;
				progress.advanced(bytes, estimate, done, total);
			}
		}
		catch (SQLException ex) {
			fail(id, "the database refused the manifest rows: " + ex.getMessage());
			throw new IllegalStateException("could not store manifest " + release.versionKey() + ": " + ex.getMessage(), ex);
		}
		catch (RuntimeException ex) {
			fail(id, ex.getMessage());
			throw ex;
		}
		versions.loaded(id, rows, bytes);
		versions.activate(id, clock.instant());
		definitions.switched();
		versions.deleteRowsExcept(id);
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		versions.checked(clock.instant(), "updated: " + release.versionKey());
		notifications.send("destiny", previous == null ? "Installed the Destiny manifest, version " + release.versionKey()
				: "Detected a change in version number: " + previous + " → " + release.versionKey());
		ManifestCheck check = new ManifestCheck(ManifestCheck.Outcome.UPDATED, previous, release.versionKey(), rows,
				bytes, took);
		log.info(check.summary());
		return check;
	}

	private void fail(long id, String reason) {
		String why = reason == null ? "unknown error" : reason;
		try {
			versions.failed(id, why, clock.instant());
			versions.deleteRowsOf(id);
			versions.checked(clock.instant(), "failed: " + why);
		}
		catch (RuntimeException cleanup) {
			// The next attempt removes the rows; the reason is in the job's error either way.
			log.warn("Could not clean up after the failed manifest download {}: {}", id, cleanup.getMessage());
		}
		log.warn("Manifest download {} failed: {}", id, why);
	}

	/** The update lease, renewed as rows go in; an update that lost it stops. */
	private final class Lease {

		private final String owner;

		private long renewedAt = System.nanoTime();

		Lease(String owner) {
			this.owner = owner;
		}

		void renew() {
			long now = System.nanoTime();
			if (now - renewedAt < RENEW_EVERY_NANOS) {
				return;
			}
			renewedAt = now;
			if (!versions.renewLease(owner, clock.instant().plus(LEASE))) {
				throw new IllegalStateException("the manifest update lost its lease to another process");
			}
		}

	}

}
