package dev.tower.jobs;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No such job or task: 404, as a problem on the API and as the 404 page in the browser. */
class UnknownJobException extends ErrorResponseException {

	UnknownJobException(String detail) {
		super(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail), null);
	}

}
