package dev.tower.results.upload;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import org.springframework.stereotype.Service;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.unit.DataSize;

import dev.tower.results.ResultsProperties;
import dev.tower.results.changes.FailureNotices;
import dev.tower.results.ingest.FileOutcome;
import dev.tower.results.ingest.ReportFile;
import dev.tower.results.ingest.ReportIngester;
import dev.tower.results.ingest.RunInfo;
import dev.tower.results.report.MalformedReportException;

/**
 * Takes the body of {@code POST /api/v1/results}: one JUnit XML report, a gzip of one, or a zip of many. The
 * body goes to a temporary file as it arrives (never into memory) and is refused past the upload limit. Its
 * expanded size is then measured without writing anything, and refused past {@code max-upload-expanded}; only
 * then are the reports written out and ingested, one at a time, each in its own transaction. Every write first
 * makes sure the disk keeps {@code min-free-disk} free.
 */
@Service
class Uploads {

	/** More entries than any real report archive has; a guard against zip bombs made of tiny entries. */
	private static final int MAX_ZIP_ENTRIES = 10_000;

	/** How much a copy writes between two looks at the free disk space. */
	private static final long DISK_CHECK_BYTES = 8L << 20;

	private final ReportIngester ingester;

	private final ResultsProperties properties;

	private final FailureNotices notices;

	Uploads(ReportIngester ingester, ResultsProperties properties, FailureNotices notices) {
		this.ingester = ingester;
		this.notices = notices;
		this.properties = properties;
	}

	/** @param length the body's declared length, or -1 when the client did not say */
	UploadResponse receive(InputStream body, long length, String fileName, RunInfo run) throws IOException {
		Path work = Files.createTempDirectory("tower-upload-");
		try {
			Path upload = work.resolve("upload");
			DataSize limit = properties.maxUploadSize();
			Supplier<RuntimeException> tooLarge = () -> UploadRefusedException
				.tooLarge("The upload is larger than this server's limit of " + megabytes(limit) + "; nothing was stored.");
			if (length > limit.toBytes()) {
				throw tooLarge.get();
			}
			ensureRoom(work, Math.max(length, 0), "nothing was stored");
			copy(body, upload, limit.toBytes(), tooLarge);
			List<FileOutcome> outcomes = isZip(upload) ? ingestZip(upload, work, fileName, run)
					: List.of(ingestOne(upload, fileName, run));
			Long runId = outcomes.stream().map(FileOutcome::runId).filter(id -> id != null).reduce((a, b) -> b).orElse(null);
			notices.afterIngest(outcomes.stream().filter(outcome -> outcome.status() == FileOutcome.Status.INGESTED)
				.map(FileOutcome::runId).distinct().toList());
			return new UploadResponse(runId, runId == null ? null : "/results/runs/" + runId, outcomes);
		}
		finally {
			FileSystemUtils.deleteRecursively(work);
		}
	}

	private FileOutcome ingestOne(Path upload, String fileName, RunInfo run) throws IOException {
		Expansion expansion = new Expansion();
		try (InputStream in = new BufferedInputStream(Files.newInputStream(upload), 1 << 16)) {
			expansion.measure(in, startsWith(upload, 0x1f, 0x8b));
		}
		return ingester.ingest(describe(upload, fileName), run, false);
	}

	/**
	 * The archive's reports ({@code *.xml}, {@code *.xml.gz}), other entries ignored: first measured, then
	 * written, ingested and deleted one after the other.
	 */
	private List<FileOutcome> ingestZip(Path zip, Path work, String archiveName, RunInfo run) throws IOException {
		List<Long> sizes = measureZip(zip);
		ensureRoom(work, sizes.stream().mapToLong(Long::longValue).max().orElse(0), "nothing was stored");
		List<FileOutcome> outcomes = new ArrayList<>();
		Iterator<Long> size = sizes.iterator();
		try (ZipInputStream in = openZip(zip)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				if (!isReport(entry)) {
					continue;
				}
				Path target = work.resolve("entry");
				String stored = "%d of %d reports were stored".formatted(outcomes.size(), sizes.size());
				ensureRoom(work, size.next(), stored);
				copy(in, target, Long.MAX_VALUE, null);
				outcomes.add(ingester.ingest(describe(target, archiveName + "!/" + entry.getName()), run, false));
				Files.delete(target);
			}
		}
		return outcomes;
	}

	/** Reads the whole archive once, writing nothing: the size of each report, each within the limits. */
	private List<Long> measureZip(Path zip) throws IOException {
		List<Long> sizes = new ArrayList<>();
		Expansion expansion = new Expansion();
		int entries = 0;
		try (ZipInputStream in = openZip(zip)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				if (++entries > MAX_ZIP_ENTRIES) {
					throw new MalformedReportException("the zip holds more than " + MAX_ZIP_ENTRIES + " entries");
				}
				long size = expansion.measure(in, isReport(entry) && entry.getName().toLowerCase(Locale.ROOT).endsWith(".gz"));
				if (isReport(entry)) {
					if (size > properties.maxFileSize().toBytes()) {
						throw new MalformedReportException(
								entry.getName() + " is larger than the " + properties.maxFileSize() + " limit for one report");
					}
					sizes.add(size);
				}
			}
		}
		catch (ZipException | EOFException ex) {
			throw new MalformedReportException("not a valid zip file: " + ex.getMessage(), ex);
		}
		if (sizes.isEmpty()) {
			throw new MalformedReportException("the zip holds no JUnit XML reports (*.xml or *.xml.gz)");
		}
		return sizes;
	}

	/** The bytes an upload expands to, added up as they are read, refused as soon as they pass the limit. */
	private final class Expansion {

		private final long limit = properties.maxUploadExpanded().toBytes();

		private long total;

		/** Reads {@code in} to its end; returns its own size, and counts what it expands to when gzipped. */
		long measure(InputStream in, boolean gzip) throws IOException {
			CountingStream raw = new CountingStream(in);
			if (gzip) {
				try (InputStream gunzip = new GZIPInputStream(raw, 1 << 16)) {
					drain(gunzip);
				}
				catch (ZipException | EOFException notGzip) {
					// the parser explains what is wrong with it; count it as it is
				}
			}
			drain(raw);
			return raw.count;
		}

		private void drain(InputStream in) throws IOException {
			byte[] buffer = new byte[1 << 16];
			for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
				total += n;
				if (total > limit) {
					throw UploadRefusedException.tooLarge("The upload expands to more than this server's limit of "
							+ megabytes(properties.maxUploadExpanded()) + " (tower.results.max-upload-expanded); nothing was stored.");
				}
			}
		}

	}

	/** Counts the bytes read through it; closing it leaves the archive open at its next entry. */
	private static final class CountingStream extends FilterInputStream {

		long count;

		CountingStream(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int b = in.read();
			count += b < 0 ? 0 : 1;
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = in.read(buffer, offset, length);
			count += Math.max(n, 0);
			return n;
		}

		@Override
		public void close() {
		}

	}

	/** Refuses with 507 when writing {@code bytes} would leave less than {@code min-free-disk}. */
	private void ensureRoom(Path dir, long bytes, String consequence) throws IOException {
		long usable = Files.getFileStore(dir).getUsableSpace();
		DataSize keep = properties.minFreeDisk();
		if (usable - bytes < keep.toBytes()) {
			throw UploadRefusedException.noRoom("The server's disk is too full to take this upload: %d MB free, %d MB needed, and it keeps %s free (tower.results.min-free-disk); %s. Try again later."
				.formatted(usable >> 20, (bytes >> 20) + 1, megabytes(keep), consequence));
		}
	}

	private void copy(InputStream in, Path target, long limit, Supplier<RuntimeException> tooLarge) throws IOException {
		byte[] buffer = new byte[1 << 16];
		long copied = 0;
		long checked = 0;
		try (OutputStream out = Files.newOutputStream(target)) {
			for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
				copied += n;
				if (copied > limit) {
					throw tooLarge.get();
				}
				if (copied - checked > DISK_CHECK_BYTES) {
					ensureRoom(target.getParent(), DISK_CHECK_BYTES, "nothing more was stored");
					checked = copied;
				}
				out.write(buffer, 0, n);
			}
		}
	}

	private static String megabytes(DataSize size) {
		return "%,d MB".formatted(size.toMegabytes());
	}

	private ReportFile describe(Path file, String fullName) {
		try {
			return ingester.describe(file, fullName);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static ZipInputStream openZip(Path zip) throws IOException {
		return new ZipInputStream(new BufferedInputStream(Files.newInputStream(zip), 1 << 16));
	}

	private static boolean isZip(Path file) throws IOException {
		return startsWith(file, 'P', 'K', 3, 4);
	}

	private static boolean startsWith(Path file, int... magic) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			byte[] head = in.readNBytes(magic.length);
			for (int i = 0; i < magic.length; i++) {
				if (head.length <= i || (head[i] & 0xff) != magic[i]) {
					return false;
				}
			}
			return true;
		}
	}

	private static boolean isReport(ZipEntry entry) {
		String lower = entry.getName().toLowerCase(Locale.ROOT);
		return !entry.isDirectory() && (lower.endsWith(".xml") || lower.endsWith(".xml.gz"));
	}

}
