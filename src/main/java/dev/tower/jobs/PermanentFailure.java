package dev.tower.jobs;

import org.jobrunr.JobRunrException;

/** A failure no retry can fix, such as bad input: the job ends failed at once, with this message. */
public class PermanentFailure extends JobRunrException {

	public PermanentFailure(String message) {
		super(message, true);
	}

	public PermanentFailure(String message, Throwable cause) {
		super(message, true, cause);
	}

}
