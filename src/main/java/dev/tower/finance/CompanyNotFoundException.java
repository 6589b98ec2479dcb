package dev.tower.finance;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Answered as 404, as a problem on the API and as the 404 page in the browser. */
class CompanyNotFoundException extends ErrorResponseException {

	CompanyNotFoundException(long id) {
		super(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No company with id " + id + "."),
				null);
	}

}
