package dev.tower.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Optional;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * A failure of what Tower stands on (the database, Redis for sessions, the disk) rather than of the request,
 * answered with a status that says so and not as a bug.
 */
enum Outage {

	/** The database or Redis is away: the same request will work once it is back. */
	UNREACHABLE(HttpStatus.SERVICE_UNAVAILABLE, Duration.ofSeconds(10), "Tower is unavailable for a moment",
			"Tower cannot reach its database or session store just now; try again in a few seconds."),

	/** The database's disk is full: the change was not saved. It will be once an operator frees space. */
	DISK_FULL(HttpStatus.INSUFFICIENT_STORAGE, null, "The server's disk is full",
			"The server's disk is full, so nothing was saved. Reading still works; once space is freed, try again.");

	final HttpStatus status;

	/** When to try again, if that is knowable. */
	final Duration retryAfter;

	/** The error page's heading. */
	final String heading;

	final String detail;

	Outage(HttpStatus status, Duration retryAfter, String heading, String detail) {
		this.status = status;
		this.retryAfter = retryAfter;
		this.heading = heading;
		this.detail = detail;
	}

	/** The outage this failure is a symptom of, if any. A full disk wins: it is the cause of what follows. */
	static Optional<Outage> of(Throwable failure) {
		boolean unreachable = false;
		for (Throwable cause = failure, seen = null; cause != null && cause != seen; seen = cause, cause = cause.getCause()) {
			if (isDiskFull(cause)) {
				return Optional.of(DISK_FULL);
			}
			unreachable |= isUnreachable(cause);
		}
		return unreachable ? Optional.of(UNREACHABLE) : Optional.empty();
	}

	ProblemDetail problem() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(status.getReasonPhrase());
		return problem;
	}

	/** The root cause in one line, for a log line that says what went away without a stack trace. */
	static String cause(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

	/** PostgreSQL's disk_full, or the operating system's words for ENOSPC (Linux, macOS; Windows) under H2. */
	private static boolean isDiskFull(Throwable cause) {
		if (cause instanceof SQLException sql && "53100".equals(sql.getSQLState())) {
			return true;
		}
		String message = cause.getMessage();
		return message != null && (message.contains("No space left on device") || message.contains("not enough space on the disk"));
	}

	private static boolean isUnreachable(Throwable cause) {
		if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessResourceException
				|| cause instanceof QueryTimeoutException || cause instanceof CannotCreateTransactionException
				|| cause instanceof RedisSystemException || cause instanceof SQLTransientConnectionException
				|| cause instanceof SQLNonTransientConnectionException) {
			return true;
		}
		// Connection exceptions (08…) and an administrator's shutdown or a server starting up (57P…)
		if (cause instanceof SQLException sql && sql.getSQLState() != null
				&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
			return true;
		}
		// HikariCP closes a connection the server dropped; rolling back on it then fails with this, and the
		// rollback failure replaces the connection error that caused it.
		return cause instanceof SQLException sql && sql.getSQLState() == null && "Connection is closed".equals(sql.getMessage());
	}

}
