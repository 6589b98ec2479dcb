package dev.tower.web;

import java.util.Optional;
import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintViolationException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error as an RFC 9457 problem with a message a client can act on. Unexpected failures are
 * logged in full here and answered with nothing about our internals.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
			.map(error -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
			.toList();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, describe(ex.getBindingResult().getFieldErrors()));
		problem.setProperty("errors", errors);
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String detail = ex.getParameterValidationResults().stream()
			.map(result -> (result instanceof ParameterErrors errors) ? describe(errors.getFieldErrors())
					: result.getMethodParameter().getParameterName() + " "
							+ result.getResolvableErrors().stream().map(e -> String.valueOf(e.getDefaultMessage())).sorted()
								.reduce((a, b) -> a + ", " + b).orElse("is invalid"))
			.sorted()
			.reduce((a, b) -> a + "; " + b)
			.orElse("Invalid request parameters.");
		return handleExceptionInternal(ex, ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail), headers,
				HttpStatus.BAD_REQUEST, request);
	}

	/** Tomcat decodes parameters on first use and knows why it failed: malformed percent-encoding or UTF-8 (400), too many (413). */
	@ExceptionHandler(InvalidParameterException.class)
	ProblemDetail invalidParameters(InvalidParameterException ex) {
		HttpStatus status = HttpStatus.valueOf(ex.getErrorCode());
		return ProblemDetail.forStatusAndDetail(status, status == HttpStatus.BAD_REQUEST
				? "The request's parameters could not be read: each must be percent-encoded UTF-8."
				: "The request has too many parameters.");
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ProblemDetail constraintViolation(ConstraintViolationException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ProblemDetail conflict(DataIntegrityViolationException ex) {
		log.info("Refused a change that breaks a data rule: {}", ex.getMostSpecificCause().getMessage());
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "The change conflicts with stored data.");
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ProblemDetail concurrentChange(OptimisticLockingFailureException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "Someone else changed this at the same time: reload and try again.");
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		Optional<Outage> outage = Outage.of(ex);
		if (outage.isPresent()) {
			log.warn("API request answered {}: {}", outage.get().status.value(), Outage.cause(ex));
			ResponseEntity.BodyBuilder answer = ResponseEntity.status(outage.get().status);
			if (outage.get().retryAfter != null) {
				answer.header(HttpHeaders.RETRY_AFTER, Long.toString(outage.get().retryAfter.toSeconds()));
			}
			return answer.body(outage.get().problem());
		}
		log.error("API request failed", ex);
		return ResponseEntity.internalServerError()
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
					"Something went wrong on our side; it has been logged."));
	}

	private static String describe(List<FieldError> errors) {
		return errors.stream()
			.map(error -> error.getField() + " " + error.getDefaultMessage())
			.sorted()
			.reduce((a, b) -> a + "; " + b)
			.orElse("Invalid request content.");
	}

}
