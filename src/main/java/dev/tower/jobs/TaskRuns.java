package dev.tower.jobs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code task_run} table, written from worker threads outside any transaction: plain JDBC. */
@Repository
class TaskRuns {

	private static final int RESULT_LENGTH = 2000;

	private final JdbcClient jdbc;

	TaskRuns(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Records a run once; a retry or a second start of the same job keeps the first record. */
	void created(UUID jobId, String task, String recurringId) {
		if (find(jobId).isPresent()) {
			return;
		}
		Timestamp now = Timestamp.from(Instant.now());
		try {
			jdbc.sql("insert into task_run (job_id, task, recurring_id, created_at, updated_at) values (?, ?, ?, ?, ?)")
				.params(jobId, task, recurringId, now, now)
				.update();
		}
		catch (DuplicateKeyException alreadyThere) {
			// another thread recorded it first
		}
	}

	void progress(UUID jobId, long done, long total) {
		jdbc.sql("update task_run set done = ?, total = ?, updated_at = ? where job_id = ?")
			.params(done, total, Timestamp.from(Instant.now()), jobId)
			.update();
	}

	void finished(UUID jobId, String result) {
		String bounded = (result != null && result.length() > RESULT_LENGTH)
				? result.substring(0, RESULT_LENGTH - 1) + "…" : result;
		jdbc.sql("update task_run set result = ?, updated_at = ? where job_id = ?")
			.params(bounded, Timestamp.from(Instant.now()), jobId)
			.update();
	}

	Optional<TaskRun> find(UUID jobId) {
		return jdbc.sql("select * from task_run where job_id = ?").param(jobId).query(TaskRuns::map).optional();
	}

	List<TaskRun> recent(int limit) {
		return jdbc.sql("select * from task_run order by created_at desc limit ?").param(limit).query(TaskRuns::map).list();
	}

	Optional<TaskRun> latestOfTask(String task) {
		return jdbc.sql("select * from task_run where task = ? order by created_at desc limit 1")
			.param(task)
			.query(TaskRuns::map)
			.optional();
	}

	int deleteCreatedBefore(Instant before) {
		return jdbc.sql("delete from task_run where created_at < ?").param(Timestamp.from(before)).update();
	}

	private static TaskRun map(ResultSet row, int rowNum) throws SQLException {
		return new TaskRun(row.getObject("job_id", UUID.class), row.getString("task"), row.getString("recurring_id"),
				row.getObject("done", Long.class), row.getObject("total", Long.class), row.getString("result"),
				row.getTimestamp("created_at").toInstant());
	}

}
