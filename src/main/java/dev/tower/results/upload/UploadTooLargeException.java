package dev.tower.results.upload;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** An upload over {@code tower.results.max-upload-size}: refused while reading, nothing stored. */
class UploadTooLargeException extends ErrorResponseException {

	UploadTooLargeException(String limit) {
		super(HttpStatus.CONTENT_TOO_LARGE, ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
				"The upload is larger than this server's limit of " + limit + "; nothing was stored."), null);
	}

}
