package dev.tower.results.ingest;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.tower.jobs.TaskContext;
import dev.tower.jobs.TowerTask;
import dev.tower.results.ResultsProperties;

/**
 * Housekeeping: deletes the runs older than {@code tower.results.retention}, oldest first, a run per transaction
 * so that ingestion and the pages never wait long.
 */
@Component
class ResultsRetentionTask implements TowerTask {

	private final RunDeletion deletion;

	private final ResultsProperties properties;

	ResultsRetentionTask(RunDeletion deletion, ResultsProperties properties) {
		this.deletion = deletion;
		this.properties = properties;
	}

	@Override
	public String name() {
		return "results-retention";
	}

	@Override
	public String title() {
		return "Delete test runs past their retention";
	}

	@Override
	public String run(TaskContext context) {
		Instant cutoff = Instant.now().minus(properties.retention());
		List<Long> expired = deletion.startedBefore(cutoff);
		long deleted = 0;
		for (int done = 0; done < expired.size(); done++) {
			if (deletion.delete(expired.get(done))) {
				deleted++;
			}
			context.progress(done + 1, expired.size());
		}
		return "Deleted " + deleted + " run" + (deleted == 1 ? "" : "s") + " that started before " + cutoff + ".";
	}

}
