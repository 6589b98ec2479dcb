package dev.tower.results.ingest;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Works through the entries of the {@link IngestQueue}: claims each, has the {@link ReportIngester} store its file
 * and records the outcome in the queue. Used by {@code tower ingest} for the files it just queued, and by the
 * scheduled job for everything pending.
 */
@Service
public class QueueProcessor {

	private static final Logger log = LoggerFactory.getLogger(QueueProcessor.class);

	private final IngestQueue queue;

	private final ReportIngester ingester;

	QueueProcessor(IngestQueue queue, ReportIngester ingester) {
		this.queue = queue;
		this.ingester = ingester;
	}

	/** Everything pending, after releasing stale claims and expiring overdue entries. */
	public IngestSummary processQueue(int threads, IngestProgress progress) {
		queue.maintain();
		return process(queue.pending(Integer.MAX_VALUE), threads, progress);
	}

	/** These entries, on {@code threads} threads, each file in its own transaction. */
	public IngestSummary process(List<Long> ids, int threads, IngestProgress progress) {
		IngestSummary summary = new IngestSummary();
		long totalBytes = queue.bytes(ids);
		AtomicLong bytes = new AtomicLong();
		AtomicInteger files = new AtomicInteger();
		AtomicInteger next = new AtomicInteger();
		progress.advanced(0, totalBytes, 0, ids.size());
		Runnable worker = () -> {
			for (int i = next.getAndIncrement(); i < ids.size(); i = next.getAndIncrement()) {
				long size = processOne(ids.get(i), summary);
				progress.advanced(bytes.addAndGet(size), totalBytes, files.incrementAndGet(), ids.size());
			}
		};
		int count = Math.max(1, Math.min(threads, ids.size()));
		if (count == 1) {
			worker.run();
			return summary;
		}
		AtomicInteger names = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(count, runnable -> {
			Thread thread = new Thread(runnable, "ingest-" + names.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		for (int i = 0; i < count; i++) {
			pool.execute(worker);
		}
		pool.shutdown();
		try {
			pool.awaitTermination(Long.MAX_VALUE, TimeUnit.DAYS);
		}
		catch (InterruptedException ex) {
			pool.shutdownNow();
			Thread.currentThread().interrupt();
		}
		return summary;
	}

	private long processOne(long id, IngestSummary summary) {
		var claimed = queue.claim(id);
		if (claimed.isEmpty()) {
			return 0; // taken by another ingester, or expired meanwhile
		}
		QueueEntry entry = claimed.get();
		try {
			ReportFile file = ingester.describe(Path.of(entry.filePath()), entry.filePath());
			FileOutcome outcome = ingester.ingest(file, entry.run());
			if (outcome.status() == FileOutcome.Status.REJECTED) {
				queue.rejected(id, outcome.fileId(), outcome.reason());
			}
			else {
				queue.done(id, outcome.fileId());
			}
			summary.add(outcome, file.size());
			return file.size();
		}
		catch (NoSuchFileException ex) {
			fail(entry, "the file is not there (any more): " + ex.getFile(), summary);
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Could not ingest {}", entry.filePath(), ex);
			fail(entry, ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage(), summary);
		}
		return entry.fileSize();
	}

	private void fail(QueueEntry entry, String reason, IngestSummary summary) {
		queue.failed(entry.id(), reason);
		summary.failed(entry.filePath(), reason);
	}

}
