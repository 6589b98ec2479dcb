package dev.tower.results.upload;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An upload refused for its size, or for the server's free disk space: 413 or 507, a problem document that says
 * which limit it met.
 */
class UploadRefusedException extends ErrorResponseException {

	UploadRefusedException(HttpStatus status, String detail) {
		super(status, ProblemDetail.forStatusAndDetail(status, detail), null);
	}

	static UploadRefusedException tooLarge(String detail) {
		return new UploadRefusedException(HttpStatus.CONTENT_TOO_LARGE, detail);
	}

	static UploadRefusedException noRoom(String detail) {
		return new UploadRefusedException(HttpStatus.INSUFFICIENT_STORAGE, detail);
	}

}
