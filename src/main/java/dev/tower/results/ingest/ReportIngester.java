package dev.tower.results.ingest;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import dev.tower.database.BulkInsert;
import dev.tower.results.ResultsProperties;
import dev.tower.results.changes.Streaks;
import dev.tower.results.report.CaseCounts;
import dev.tower.results.report.JUnitXmlParser;
import dev.tower.results.report.MalformedReportException;
import dev.tower.results.tests.TestDirectory;

/**
 * Puts one JUnit XML file into the database, in one transaction: its file record, suites and cases, and its
 * share of the run's totals, the statistics, the streaks and the failure groups. A file seen before in the same run
 * from the same host (same SHA-256) is recognised and skipped; identical bytes in another run are that run's results.
 * A file that cannot be parsed leaves nothing but a record of its rejection and the reason.
 */
@Service
public class ReportIngester {

	private static final Logger log = LoggerFactory.getLogger(ReportIngester.class);

	/** Tries at storing a file that lost a race (see {@link #store}). */
	private static final int ATTEMPTS = 3;

	private final ResultStore store;

	private final TestStatistics statistics;

	private final Streaks streaks;

	private final DataSource dataSource;

	private final TransactionTemplate transaction;

	private final ResultsProperties properties;

	private final JsonMapper json;

	private final TestDirectory directory;

	ReportIngester(ResultStore store, TestStatistics statistics, Streaks streaks, DataSource dataSource,
			TransactionTemplate transaction, ResultsProperties properties, JsonMapper json, TestDirectory directory) {
		this.directory = directory;
		this.store = store;
		this.statistics = statistics;
		this.streaks = streaks;
		this.dataSource = dataSource;
		this.transaction = transaction;
		this.properties = properties;
		this.json = json;
	}

	/** Reads a file once for its size, time and hash; recorded under {@code fullName}. */
	public ReportFile describe(Path path, String fullName) throws IOException {
		MessageDigest sha256 = sha256();
		boolean gzip;
		try (InputStream in = new DigestInputStream(new BufferedInputStream(Files.newInputStream(path), 1 << 16), sha256)) {
			gzip = in.read() == 0x1f && in.read() == 0x8b;
			in.transferTo(OutputStream.nullOutputStream());
		}
		return new ReportFile(path, ResultStore.clip(fullName, 2000), Files.size(path),
				Files.getLastModifiedTime(path).toInstant(), HexFormat.of().formatHex(sha256.digest()), gzip);
	}

	/** Ingests a file found on this machine; a rejected one is recorded with its reason, for inspection. */
	FileOutcome ingest(ReportFile file, RunInfo run) {
		return ingest(file, run, true);
	}

	/**
	 * Ingests a file; with {@code recordRejection} false (uploads: the client keeps the file and hears the
	 * reason), a rejected file leaves nothing behind, not even an empty run. The run is created inside the file's
	 * transaction, so a file that fails for any reason takes a run it created with it.
	 */
	public FileOutcome ingest(ReportFile file, RunInfo run, boolean recordRejection) {
		var earlier = store.findFile(run, file.sha256());
		if (earlier.isPresent()) {
			return seenBefore(file, earlier.get());
		}
		try {
			return store(file, run);
		}
		catch (MalformedReportException ex) {
			log.info("Rejected {}: {}", file.fullName(), ex.getMessage());
			if (!recordRejection) {
				return FileOutcome.rejected(file.fullName(), ex.getMessage(), null, null);
			}
			try {
				return transaction.execute(status -> {
					long runId = store.runFor(run, file.modified());
					long fileId = store.insertFile(runId, run, file, "REJECTED", ResultStore.clip(ex.getMessage(), 2000));
					return FileOutcome.rejected(file.fullName(), ex.getMessage(), fileId, runId);
				});
			}
			catch (DuplicateKeyException raced) {
				return FileOutcome.rejected(file.fullName(), ex.getMessage(), null, null);
			}
		}
		catch (DuplicateKeyException ex) {
			// another ingester stored the same content in the same run a moment ago
			return seenBefore(file, store.findFile(run, file.sha256()).orElseThrow(() -> ex));
		}
	}

	/**
	 * Stores the file in one transaction, tried again from the start when it lost a race that a second try wins:
	 * another first file of its run fixed another day and place than the ones it counted under, or PostgreSQL broke
	 * a deadlock by failing it (files take their locks in one order, so that is not expected).
	 */
	private FileOutcome store(ReportFile file, RunInfo run) {
		for (int attempt = 1;; attempt++) {
			try {
				return transaction.execute(status -> write(file, run, store.runFor(run, file.modified())));
			}
			catch (ResultStore.RunPlaceTaken | PessimisticLockingFailureException ex) {
				if (attempt == ATTEMPTS) {
					throw ex;
				}
				log.debug("Storing {} again: {}", file.fullName(), ex.getMessage());
			}
		}
	}

	/** The same content again: nothing new is stored, and a file rejected before is rejected again. */
	private static FileOutcome seenBefore(ReportFile file, ResultStore.StoredFile earlier) {
		if ("REJECTED".equals(earlier.status())) {
			return FileOutcome.rejected(file.fullName(), earlier.reason(), earlier.id(), earlier.runId());
		}
		return FileOutcome.duplicate(file.fullName(), earlier.id(), earlier.runId(), earlier.fullName());
	}

	private FileOutcome write(ReportFile file, RunInfo run, long runId) {
		long fileId = store.insertFile(runId, run, file, "INGESTED", null);
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try (InputStream in = open(file);
				BulkInsert cases = BulkInsert.into(connection, "test_case", StoringListener.CASE_COLUMNS)) {
			var listener = new StoringListener(store, cases, json, directory, runId, fileId, run.host(), file.modified());
			CaseCounts counts = new JUnitXmlParser(properties.parserLimits()).parse(in, listener);
			cases.flush();
			// every file takes its row locks in this order: tests' days, failure groups, tests, its run
			var place = store.placeFor(runId, listener.earliest());
			statistics.add(place.day(), place.startedAt(), listener.tally());
			listener.failures().store(connection, runId, place.day());
			Set<Long> firstSeen = directory.register(listener.newTests());
			streaks.record(runId, place.seriesId(), place.seriesAt(), listener.tally().results(), firstSeen);
			store.finishFile(fileId, runId, counts, listener.seconds(), listener.earliest(), place);
			return FileOutcome.ingested(file.fullName(), counts, listener.suites(), fileId, runId);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not read " + file.local(), ex);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("could not store the cases of " + file.fullName() + ": " + ex.getMessage(), ex);
		}
	}

	private static InputStream open(ReportFile file) throws IOException {
		InputStream in = new BufferedInputStream(Files.newInputStream(file.local()), 1 << 16);
		return file.gzip() ? new GunzipStream(in) : in;
	}

	static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	}

	/** A damaged gzip file is a bad report, not a failure worth retrying. */
	private static final class GunzipStream extends FilterInputStream {

		GunzipStream(InputStream in) throws IOException {
			super(gunzip(in));
		}

		private static InputStream gunzip(InputStream in) throws IOException {
			try {
				return new GZIPInputStream(in, 1 << 16);
			}
			catch (ZipException | EOFException ex) {
				in.close();
				throw new MalformedReportException("not a valid gzip file: " + ex.getMessage(), ex);
			}
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			try {
				return super.read(buffer, offset, length);
			}
			catch (ZipException | EOFException ex) {
				throw new MalformedReportException("the gzip stream is damaged or cut short: " + ex.getMessage(), ex);
			}
		}

		@Override
		public int read() throws IOException {
			try {
				return super.read();
			}
			catch (ZipException | EOFException ex) {
				throw new MalformedReportException("the gzip stream is damaged or cut short: " + ex.getMessage(), ex);
			}
		}

	}

}
