package dev.tower.jobs;

import java.util.UUID;

/** What a running task may tell the people watching it. */
public interface TaskContext {

	UUID jobId();

	/** Reports {@code done} of {@code total} units; cheap enough to call for every unit. */
	void progress(long done, long total);

}
