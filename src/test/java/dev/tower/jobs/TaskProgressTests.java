package dev.tower.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a task's progress reports are written: few enough for a task that reports every unit, none a page needs lost. */
class TaskProgressTests {

	final List<String> written = new ArrayList<>();

	final TaskRuns runs = new TaskRuns(null) {
		@Override
		void progress(UUID jobId, long done, long total) {
			written.add(done + "/" + total);
		}
	};

	@Test
	void aStepReportedJustBeforeALongWaitIsWrittenAtOnce() {
		TaskContext context = new RunTaskHandler.Progress(UUID.randomUUID(), runs);

		// a manifest download: tables 1 to 6 of 7 come in within milliseconds, then the last one is slow
		for (int table = 1; table <= 6; table++) {
			context.progress(table, 7);
		}

		assertThat(written).endsWith("6/7");
	}

	@Test
	void unitsWithinTheSamePercentAreNotEachWritten() {
		TaskContext context = new RunTaskHandler.Progress(UUID.randomUUID(), runs);

		for (int unit = 1; unit <= 10_000; unit++) {
			context.progress(unit, 10_000);
		}

		assertThat(written).hasSizeLessThanOrEqualTo(101).contains("10000/10000");
	}

}
