package dev.tower.jobs;

import java.util.Set;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * Keeps out of the test log JobRunr's report, stack trace and all, of each attempt of a job the tests fail on
 * purpose: the {@link TestTasks} that fail, and deliveries to the {@link SlackReceiver}, the only Slack a test
 * configures, when told to refuse. The tests check those failures themselves; any other job's failure is still
 * logged. Installed by logback-test.xml.
 */
public class ExpectedJobFailures extends TurboFilter {

	/** What JobRunr logs a job's failure with: {@code Job(id={}, jobName='{}') processing failed: {}}. */
	private static final String PERFORMER = "org.jobrunr.server.BackgroundJobPerformer";

	private static final Set<String> FAILING_TASKS = Set.of("Test flaky", "Test broken", "Test bad-input");

	@Override
	public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
		if (!PERFORMER.equals(logger.getName()) || params == null || params.length < 2
				|| !(params[1] instanceof String job)) {
			return FilterReply.NEUTRAL;
		}
		return FAILING_TASKS.contains(job) || job.endsWith(" to Slack") ? FilterReply.DENY : FilterReply.NEUTRAL;
	}

}
