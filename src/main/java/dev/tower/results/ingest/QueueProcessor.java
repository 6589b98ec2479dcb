package dev.tower.results.ingest;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import dev.tower.results.changes.FailureNotices;

/**
 * Works through the entries of the {@link IngestQueue}: claims each, has the {@link ReportIngester} store its file
 * and records the outcome in the queue. Used by {@code tower ingest} for the files it was given, and by the
 * scheduled job for everything pending.
 */
@Service
public class QueueProcessor {

	private static final Logger log = LoggerFactory.getLogger(QueueProcessor.class);

	/** How often {@code tower ingest} looks again at files another ingester is reading. */
	private static final Duration POLL = Duration.ofMillis(500);

	private final IngestQueue queue;

	private final ReportIngester ingester;

	private final ClaimRenewal renewal;

	private final FailureNotices notices;

	QueueProcessor(IngestQueue queue, ReportIngester ingester, ClaimRenewal renewal, FailureNotices notices) {
		this.queue = queue;
		this.ingester = ingester;
		this.renewal = renewal;
		this.notices = notices;
	}

	/**
	 * {@code tower ingest}: queues these files and ingests every unfinished entry of them now, whether new, still
	 * pending, failed to read before, or claimed by an ingester whose lease ran out; it waits for the files another
	 * ingester is still reading. Each entry is tried once; one that fails stays queued and counts as failed.
	 *
	 * @param waiting told which files it waits for, and why, each time that changes
	 */
	public IngestSummary ingest(List<QueuedFile> files, int threads, IngestProgress progress, Consumer<String> waiting) {
		queue.enqueue(files);
		List<String> paths = files.stream().map(file -> file.path().toString()).toList();
		IngestSummary summary = new IngestSummary();
		Set<Long> tried = new HashSet<>();
		String told = null;
		while (true) {
			queue.releaseExpired();
			List<IngestQueue.Unfinished> open = queue.unfinished(paths);
			List<Long> untried = new ArrayList<>();
			for (IngestQueue.Unfinished entry : open) {
				if (entry.state() != QueueState.PROCESSING && tried.add(entry.id())) {
					untried.add(entry.id());
				}
			}
			if (!untried.isEmpty()) {
				queue.resume(untried); // running the command again is asking for another try, now
				process(untried, threads, progress, summary);
				continue;
			}
			List<IngestQueue.Unfinished> elsewhere = open.stream().filter(entry -> entry.state() == QueueState.PROCESSING).toList();
			if (elsewhere.isEmpty()) {
				return summary;
			}
			String notice = "waiting for %d file%s another ingester is reading: claimed by %s, unless renewed"
				.formatted(elsewhere.size(), elsewhere.size() == 1 ? "" : "s", IngestQueue.Unfinished.holders(elsewhere));
			if (!notice.equals(told)) {
				waiting.accept(notice);
				told = notice;
			}
			try {
				Thread.sleep(POLL.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while " + notice, ex);
			}
		}
	}

	/** Everything pending, after releasing stale claims and expiring overdue entries. */
	public IngestSummary processQueue(int threads, IngestProgress progress) {
		queue.maintain();
		return process(queue.pending(Integer.MAX_VALUE), threads, progress);
	}

	/** These entries, on {@code threads} threads, each file in its own transaction; then the runs' new failures are told. */
	public IngestSummary process(List<Long> ids, int threads, IngestProgress progress) {
		return process(ids, threads, progress, new IngestSummary());
	}

	private IngestSummary process(List<Long> ids, int threads, IngestProgress progress, IngestSummary summary) {
		long totalBytes = queue.bytes(ids);
		AtomicLong bytes = new AtomicLong();
		AtomicInteger files = new AtomicInteger();
		AtomicInteger next = new AtomicInteger();
		progress.advanced(0, totalBytes, 0, ids.size());
		Set<Long> runs = ConcurrentHashMap.newKeySet();
		Runnable worker = () -> {
			for (int i = next.getAndIncrement(); i < ids.size(); i = next.getAndIncrement()) {
				long size = processOne(ids.get(i), summary, runs);
				progress.advanced(bytes.addAndGet(size), totalBytes, files.incrementAndGet(), ids.size());
			}
		};
		int count = Math.max(1, Math.min(threads, ids.size()));
		if (count == 1) {
			worker.run();
			notices.afterIngest(runs);
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
		notices.afterIngest(runs);
		return summary;
	}

	private long processOne(long id, IngestSummary summary, Set<Long> runs) {
		var claimed = queue.claim(id);
		if (claimed.isEmpty()) {
			return 0; // taken by another ingester, or expired meanwhile
		}
		QueueEntry entry = claimed.get();
		renewal.holding(id);
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
			if (outcome.status() == FileOutcome.Status.INGESTED) {
				runs.add(outcome.runId());
			}
			return file.size();
		}
		catch (NoSuchFileException ex) {
			fail(entry, "the file is not there (any more): " + ex.getFile(), summary);
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Could not ingest {}", entry.filePath(), ex);
			fail(entry, ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage(), summary);
		}
		finally {
			renewal.released(id);
		}
		return entry.fileSize();
	}

	private void fail(QueueEntry entry, String reason, IngestSummary summary) {
		queue.failed(entry.id(), reason);
		summary.failed(entry.filePath(), reason);
	}

}
