package dev.tower.results;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Answered as 404: a problem on the API, the 404 page in the browser. */
public class UnknownRunException extends ErrorResponseException {

	public UnknownRunException(String what) {
		super(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No " + what + "."), null);
	}

}
