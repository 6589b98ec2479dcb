package dev.tower.results.upload;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import org.springframework.stereotype.Service;
import org.springframework.util.FileSystemUtils;

import dev.tower.results.ResultsProperties;
import dev.tower.results.ingest.FileOutcome;
import dev.tower.results.ingest.ReportFile;
import dev.tower.results.ingest.ReportIngester;
import dev.tower.results.ingest.RunInfo;
import dev.tower.results.report.MalformedReportException;

/**
 * Takes the body of {@code POST /api/v1/results}: one JUnit XML report, a gzip of one, or a zip of many. The
 * body goes to a temporary file as it arrives (never into memory) and is refused past the upload limit; each
 * report in it is then ingested in its own transaction.
 */
@Service
class Uploads {

	/** More entries than any real report archive has; a guard against zip bombs made of tiny entries. */
	private static final int MAX_ZIP_ENTRIES = 10_000;

	private final ReportIngester ingester;

	private final ResultsProperties properties;

	Uploads(ReportIngester ingester, ResultsProperties properties) {
		this.ingester = ingester;
		this.properties = properties;
	}

	UploadResponse receive(InputStream body, String fileName, RunInfo run) throws IOException {
		Path work = Files.createTempDirectory("tower-upload-");
		try {
			Path upload = work.resolve("upload");
			long limit = properties.maxUploadSize().toBytes();
			copyBounded(body, upload, limit, () -> new UploadTooLargeException(properties.maxUploadSize().toString()));
			List<ReportFile> reports = isZip(upload) ? unzip(upload, work, fileName) : List.of(describe(upload, fileName));
			List<FileOutcome> outcomes = new ArrayList<>();
			Long runId = null;
			for (ReportFile report : reports) {
				FileOutcome outcome = ingester.ingest(report, run, false);
				outcomes.add(outcome);
				runId = outcome.runId() != null ? outcome.runId() : runId;
			}
			return new UploadResponse(runId, runId == null ? null : "/results/runs/" + runId, outcomes);
		}
		finally {
			FileSystemUtils.deleteRecursively(work);
		}
	}

	private ReportFile describe(Path file, String fullName) {
		try {
			return ingester.describe(file, fullName);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean isZip(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			byte[] magic = in.readNBytes(4);
			return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
		}
	}

	/** The archive's reports ({@code *.xml}, {@code *.xml.gz}), each bounded; other entries are ignored. */
	private List<ReportFile> unzip(Path zip, Path work, String archiveName) throws IOException {
		List<ReportFile> reports = new ArrayList<>();
		long limit = properties.maxFileSize().toBytes();
		int entries = 0;
		try (ZipInputStream in = new ZipInputStream(new BufferedInputStream(Files.newInputStream(zip), 1 << 16))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				if (++entries > MAX_ZIP_ENTRIES) {
					throw new MalformedReportException("the zip holds more than " + MAX_ZIP_ENTRIES + " entries");
				}
				String name = entry.getName();
				if (entry.isDirectory() || !isReport(name)) {
					continue;
				}
				Path target = work.resolve("entry-" + reports.size());
				copyBounded(in, target, limit, () -> new MalformedReportException(
						name + " is larger than the " + properties.maxFileSize() + " limit for one report"));
				reports.add(describe(target, archiveName + "!/" + name));
			}
		}
		catch (ZipException ex) {
			throw new MalformedReportException("not a valid zip file: " + ex.getMessage(), ex);
		}
		if (reports.isEmpty()) {
			throw new MalformedReportException("the zip holds no JUnit XML reports (*.xml or *.xml.gz)");
		}
		return reports;
	}

	private static boolean isReport(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return lower.endsWith(".xml") || lower.endsWith(".xml.gz");
	}

	private static void copyBounded(InputStream in, Path target, long limit,
			java.util.function.Supplier<RuntimeException> tooLarge) throws IOException {
		byte[] buffer = new byte[1 << 16];
		long copied = 0;
		try (OutputStream out = Files.newOutputStream(target)) {
			for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
				copied += n;
				if (copied > limit) {
					throw tooLarge.get();
				}
				out.write(buffer, 0, n);
			}
		}
	}

}
