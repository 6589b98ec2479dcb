package dev.tower.finance;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A change that contradicts what is stored, such as a second company with the same name: 409. */
class FinanceConflictException extends ErrorResponseException {

	FinanceConflictException(String detail) {
		super(HttpStatus.CONFLICT, ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail), null);
	}

}
