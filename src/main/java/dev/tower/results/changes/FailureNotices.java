package dev.tower.results.changes;

import java.util.Collection;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.tower.jobs.Notifications;
import dev.tower.results.ResultsProperties;
import dev.tower.results.failures.FailureGroups;
import dev.tower.results.ResultsProperties.Notify;

/**
 * Tells people of the failures an ingest brought: after each batch (a {@code tower ingest}, a run of the
 * {@code results-queue} job, an upload), one notification per run that has failures not told before, as
 * {@code tower.results.notify} chooses. Each failure is marked told in the same transaction as the notification is
 * recorded, so the same failures are never told twice, whether a run comes in one batch or many.
 */
@Service
public class FailureNotices {

	private final JdbcClient jdbc;

	private final Notifications notifications;

	private final TransactionTemplate transaction;

	private final ResultsProperties properties;

	private final FailureGroups groups;

	FailureNotices(JdbcClient jdbc, Notifications notifications, TransactionTemplate transaction,
			ResultsProperties properties, FailureGroups groups) {
		this.jdbc = jdbc;
		this.groups = groups;
		this.notifications = notifications;
		this.transaction = transaction;
		this.properties = properties;
	}

	/** After a batch of files has been stored into these runs. */
	public void afterIngest(Collection<Long> runIds) {
		if (properties.notifications() == Notify.NEVER) {
			return;
		}
		for (long runId : runIds) {
			transaction.executeWithoutResult(status -> tell(runId));
		}
	}

	private void tell(long runId) {
		Optional<String> run = jdbc.sql("select name from test_run where id = ?").param(runId).query(String.class).optional();
		if (run.isEmpty()) {
			return;
		}
		// marked told by an update, so that two batches finishing together tell each failure once
		int newFailures = jdbc.sql("""
				update test_streak set announced = true where run_id = ? and not announced and not fixed and age = 1""")
			.param(runId).update();
		int stillFailing = properties.notifications() != Notify.ANY_FAILURE ? 0 : jdbc.sql("""
				update test_streak set announced = true where run_id = ? and not announced and not fixed""")
			.param(runId).update();
		if (newFailures + stillFailing > 0) {
			notifications.send("results", message(runId, run.get(), newFailures, stillFailing));
		}
	}

	/** The one place a run's notification is worded. */
	private String message(long runId, String run, int newFailures, int stillFailing) {
		String link = (properties.boardUrl() == null ? "" : properties.boardUrl().toString().replaceAll("/+$", ""))
				+ "/results/runs/" + runId;
		String failures = stillFailing == 0 ? plural(newFailures, "new failure")
				: plural(newFailures + stillFailing, "failing test") + (newFailures == 0 ? "" : ", " + newFailures + " of them new");
		return "Run " + run + ": " + failures + ", " + plural(groups.causesIn(runId), "likely cause") + " in the run. " + link;
	}

	private static String plural(int count, String noun) {
		return count + " " + noun + (count == 1 ? "" : "s");
	}

}
