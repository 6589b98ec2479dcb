package dev.tower.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * A failure of what Tower stands on (the database, or Redis for sessions) rather than of the request: answered
 * 503 with {@code Retry-After}, since the same request will work once the service is back.
 */
final class Outages {

	static final Duration RETRY_AFTER = Duration.ofSeconds(10);

	static final String DETAIL = "Tower cannot reach its database or session store just now; try again in a few seconds.";

	private Outages() {
	}

	static boolean isOutage(Throwable failure) {
		for (Throwable cause = failure, seen = null; cause != null && cause != seen; seen = cause, cause = cause.getCause()) {
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
			if (cause instanceof SQLException sql && sql.getSQLState() == null && "Connection is closed".equals(sql.getMessage())) {
				return true;
			}
		}
		return false;
	}

	static ProblemDetail problem() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, DETAIL);
		problem.setTitle("Service Unavailable");
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

}
