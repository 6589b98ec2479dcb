package dev.tower.results.report;

/** A report Tower refuses, with a reason a person can act on ("line 12: unexpected end of file"). */
public class MalformedReportException extends RuntimeException {

	public MalformedReportException(String reason) {
		super(reason);
	}

	public MalformedReportException(String reason, Throwable cause) {
		super(reason, cause);
	}

}
