package dev.tower.web;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.webmvc.autoconfigure.error.AbstractErrorController;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Errors that no controller answered (unknown URLs, rejected uploads, failures in filters): a styled page
 * for browsers, an RFC 9457 problem for everyone else. Never a stack trace or an exception message.
 */
@ConditionalOnWebApplication
@Controller
@RequestMapping("${server.error.path:/error}")
class TowerErrorController extends AbstractErrorController {

	TowerErrorController(ErrorAttributes errorAttributes) {
		super(errorAttributes);
	}

	@RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
	ModelAndView page(HttpServletRequest request) {
		HttpStatus status = getStatus(request);
		return new ModelAndView("error", Map.of("status", status.value(), "reason", status.getReasonPhrase(),
				"explanation", explanation(status)), status);
	}

	@RequestMapping
	ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
		HttpStatus status = getStatus(request);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, explanation(status));
		if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri) {
			problem.setInstance(UriComponentsBuilder.fromPath(uri).encode().build().toUri());
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	/** Only an error dispatch carries a status; {@code /error} asked for directly is an address with nothing at it. */
	@Override
	protected HttpStatus getStatus(HttpServletRequest request) {
		return request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null ? HttpStatus.NOT_FOUND : super.getStatus(request);
	}

	static String explanation(HttpStatus status) {
		return switch (status) {
			case NOT_FOUND -> "There is nothing at this address.";
			case FORBIDDEN -> "Your account may not do this.";
			case UNAUTHORIZED -> "Sign in first.";
			case METHOD_NOT_ALLOWED -> "This address does not accept that method.";
			case CONTENT_TOO_LARGE -> "The upload is larger than allowed.";
			case BAD_REQUEST -> "The request was not understood.";
			default -> status.is5xxServerError() ? "Something went wrong on our side; it has been logged."
					: "The request could not be completed.";
		};
	}

}
