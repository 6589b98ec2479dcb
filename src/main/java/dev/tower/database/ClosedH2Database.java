package dev.tower.database;

import java.sql.SQLException;

import com.zaxxer.hikari.SQLExceptionOverride;

/**
 * Tells HikariCP to drop a connection to an H2 database that closed itself. H2 closes the whole database when a
 * write fails (a full disk, say) and says so with its own error code, not a connection state HikariCP knows; the
 * pool would then hand out the dead connections until a restart. A new connection opens the file again.
 */
public class ClosedH2Database implements SQLExceptionOverride {

	/** H2's DATABASE_IS_CLOSED and DATABASE_CALLED_AT_SHUTDOWN. */
	private static boolean closed(SQLException ex) {
		return ex.getErrorCode() == 90098 || ex.getErrorCode() == 90121;
	}

	public SQLExceptionOverride.Override adjudicate(SQLException ex) {
		return closed(ex) ? SQLExceptionOverride.Override.MUST_EVICT : SQLExceptionOverride.Override.CONTINUE_EVICT;
	}

}
