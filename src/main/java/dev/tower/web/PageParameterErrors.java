package dev.tower.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Parameters Tomcat cannot decode (malformed percent-encoding or UTF-8) on a page: the styled 400 page, not a
 * server error with a stack trace in the log. {@link ApiProblemHandler} answers the API's with a problem document.
 */
@ControllerAdvice
class PageParameterErrors {

	@ExceptionHandler(InvalidParameterException.class)
	void invalidParameters(InvalidParameterException ex, HttpServletResponse response) throws IOException {
		response.sendError(ex.getErrorCode());
	}

}
