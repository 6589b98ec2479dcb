package dev.tower.results.ingest;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.tower.jobs.TaskContext;
import dev.tower.jobs.TowerTask;

/**
 * The original's 15-minute cron job: works through the ingest queue on a worker, with progress in bytes, and says
 * what it left. Entries still claimed by another ingester make the run fail, to be retried with backoff: their
 * ingester may have died, and a retry after their lease runs out takes them over.
 */
@Component
class ResultsQueueTask implements TowerTask {

	private final QueueProcessor processor;

	private final IngestQueue queue;

	ResultsQueueTask(QueueProcessor processor, IngestQueue queue) {
		this.processor = processor;
		this.queue = queue;
	}

	@Override
	public String name() {
		return "results-queue";
	}

	@Override
	public String title() {
		return "Process the results queue";
	}

	@Override
	public String run(TaskContext context) {
		int threads = Math.min(4, Runtime.getRuntime().availableProcessors());
		IngestSummary summary = processor.processQueue(threads,
				(bytes, totalBytes, files, totalFiles) -> context.progress(bytes, totalBytes));
		List<IngestQueue.Unfinished> claimed = queue.claimed();
		if (!claimed.isEmpty()) {
			throw new EntriesStillClaimed("%s still claimed by %s: retrying, to take %s over if %s gone. This run: %s"
				.formatted(entries(claimed.size()), IngestQueue.Unfinished.holders(claimed), claimed.size() == 1 ? "it" : "them",
						claimed.size() == 1 ? "its ingester is" : "their ingesters are", summary));
		}
		long pending = queue.counts().get(QueueState.PENDING);
		if (pending == 0) {
			return summary + "; nothing left pending";
		}
		return summary + "; %s left pending for the next run%s".formatted(entries(pending),
				summary.failed() == 0 ? "" : " (%,d failed to read this time: see the queue page)".formatted(summary.failed()));
	}

	private static String entries(long count) {
		return "%,d queue entr%s".formatted(count, count == 1 ? "y" : "ies");
	}

	/** Entries another ingester holds: a failure that passes once they are done or their lease runs out. */
	static class EntriesStillClaimed extends RuntimeException {

		EntriesStillClaimed(String message) {
			super(message);
		}

	}

}
