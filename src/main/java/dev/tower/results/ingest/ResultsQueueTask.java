package dev.tower.results.ingest;

import org.springframework.stereotype.Component;

import dev.tower.jobs.TaskContext;
import dev.tower.jobs.TowerTask;

/** The original's 15-minute cron job: works through the ingest queue on a worker, with progress in bytes. */
@Component
class ResultsQueueTask implements TowerTask {

	private final QueueProcessor processor;

	ResultsQueueTask(QueueProcessor processor) {
		this.processor = processor;
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
		return processor.processQueue(threads, (bytes, totalBytes, files, totalFiles) -> context.progress(bytes, totalBytes))
			.toString();
	}

}
