package dev.tower.results;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.util.unit.DataSize;

import dev.tower.results.report.ParserLimits;

/**
 * {@code tower.results.*}: how much one report, one upload and one captured text may hold, how long queue
 * entries and runs live, and which failures are told.
 *
 * @param maxFileSize a report (after gunzip) larger than this is rejected while streaming, never loaded
 * @param maxUploadSize a request body to {@code POST /api/v1/results} larger than this is refused with 413
 * @param maxUploadExpanded an upload whose reports expand (unzipped, gunzipped) to more than this is refused
 *        with 413 before any of it is written out
 * @param minFreeDisk an upload that would leave less than this free on the temporary directory's disk is
 *        refused with 507
 * @param maxTextSize each output, trace and message is cut at this many characters, with a marker
 * @param timeToLive a queue entry not processed within this expires (the original's 24 hours)
 * @param attempts how many times a queue entry is tried before it stays failed
 * @param keepExpired expired and done queue entries are purged this long after their time to live
 * @param claimLease how long a claim on a queue entry holds unless its ingester renews it (a third of this
 *        apart); an entry whose claim ran out belongs to an ingester that is gone, and is taken over
 * @param retention runs that started longer ago than this are deleted by the {@code results-retention} task
 * @param notifications {@code tower.results.notify}: which failures of an ingested run are told in a notification
 * @param boardUrl where people reach Tower (https://tower.example.com), for the links in notifications; without
 *        it they carry the path alone
 */
@ConfigurationProperties("tower.results")
public record ResultsProperties(DataSize maxFileSize, DataSize maxUploadSize, DataSize maxUploadExpanded,
		DataSize minFreeDisk, DataSize maxTextSize, Duration timeToLive, Integer attempts, Duration keepExpired,
		Duration claimLease, Duration retention, @Name("notify") Notify notifications, URI boardUrl) {

	/** Which failures of an ingested run are told: none, those new in it (the default), or any not told yet. */
	public enum Notify {

		NEVER, NEW_FAILURES, ANY_FAILURE

	}

	public ResultsProperties {
		maxFileSize = maxFileSize == null ? DataSize.ofGigabytes(2) : maxFileSize;
		maxUploadSize = maxUploadSize == null ? DataSize.ofMegabytes(512) : maxUploadSize;
		maxUploadExpanded = maxUploadExpanded == null ? DataSize.ofGigabytes(2) : maxUploadExpanded;
		minFreeDisk = minFreeDisk == null ? DataSize.ofMegabytes(256) : minFreeDisk;
		maxTextSize = maxTextSize == null ? DataSize.ofKilobytes(64) : maxTextSize;
		timeToLive = timeToLive == null ? Duration.ofHours(24) : timeToLive;
		attempts = attempts == null ? 3 : attempts;
		keepExpired = keepExpired == null ? Duration.ofDays(7) : keepExpired;
		claimLease = claimLease == null ? Duration.ofMinutes(1) : claimLease;
		retention = retention == null ? Duration.ofDays(180) : retention;
		notifications = notifications == null ? Notify.NEW_FAILURES : notifications;
		if (retention.isNegative() || retention.isZero()) {
			throw new IllegalArgumentException("tower.results.retention must be positive, not " + retention);
		}
	}

	public ParserLimits parserLimits() {
		return new ParserLimits(maxFileSize.toBytes(), (int) Math.min(Integer.MAX_VALUE, maxTextSize.toBytes()), 200);
	}

}
