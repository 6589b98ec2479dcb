package dev.tower.jobs;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.server.JobSteward;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Starts queued jobs at once instead of at the workers' next poll (every 5 s, JobRunr's floor for SQL storage).
 * On PostgreSQL a trigger on JobRunr's job table notifies when a job becomes ENQUEUED, whichever node queued it,
 * and each worker listening fetches work straight away. The poll remains the fallback, so a lost notification
 * only costs the old delay.
 */
@Component
class EnqueuedJobsListener implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(EnqueuedJobsListener.class);

	private static final String CHANNEL = "tower_jobs_enqueued";

	private static final String TRIGGER = """
			create or replace function tower_notify_enqueued() returns trigger language plpgsql as $$
			begin
			  perform pg_notify('%1$s', '');
			  return null;
			end $$;
			drop trigger if exists %1$s on jobrunr_jobs;
			create trigger %1$s after insert or update of state on jobrunr_jobs
			  for each row when (new.state = 'ENQUEUED') execute function tower_notify_enqueued();
			""".formatted(CHANNEL);

	private final DataSource dataSource;

	private final ObjectProvider<BackgroundJobServer> worker;

	private volatile Thread listener;

	EnqueuedJobsListener(DataSource dataSource, ObjectProvider<BackgroundJobServer> worker) {
		this.dataSource = dataSource;
		this.worker = worker;
	}

	@Override
	public void start() {
		BackgroundJobServer server = worker.getIfAvailable();
		if (server == null || !onPostgres()) {
			return;
		}
		Thread thread = new Thread(() -> listen(server.getJobSteward()), "tower-jobs-listener");
		thread.setDaemon(true);
		thread.start();
		listener = thread;
	}

	private void listen(JobSteward steward) {
		while (!Thread.currentThread().isInterrupted()) {
			try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
				connection.setAutoCommit(true);
				statement.execute(TRIGGER);
				statement.execute("listen " + CHANNEL);
				PGConnection postgres = connection.unwrap(PGConnection.class);
				while (!Thread.currentThread().isInterrupted()) {
					PGNotification[] notifications = postgres.getNotifications(1000);
					if (notifications != null && notifications.length > 0) {
						// Counting a thread busy then idle is JobSteward's public way to make it fetch work now.
						steward.notifyThreadOccupied();
						steward.notifyThreadIdle();
					}
				}
			}
			catch (SQLException ex) {
				if (Thread.currentThread().isInterrupted()) {
					return;
				}
				log.warn("Not listening for queued jobs ({}); the workers' poll still picks them up. Retrying in 5 s.",
						ex.getMessage());
				try {
					Thread.sleep(5000);
				}
				catch (InterruptedException stop) {
					return;
				}
			}
		}
	}

	private boolean onPostgres() {
		try (Connection connection = dataSource.getConnection()) {
			return connection.isWrapperFor(PGConnection.class);
		}
		catch (SQLException ex) {
			return false;
		}
	}

	@Override
	public void stop() {
		Thread running = listener;
		if (running != null) {
			running.interrupt();
			listener = null;
		}
	}

	@Override
	public boolean isRunning() {
		return listener != null;
	}

	@Override
	public int getPhase() {
		// After the job server has started, before it stops.
		return Integer.MAX_VALUE - 1;
	}

}
