package dev.tower.destiny.inventory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The board's JSON answers for an account that has not logged in with Bungie.net yet: a 403 naming the login. */
@RestControllerAdvice(assignableTypes = { ItemActionsController.class, ItemDetailsController.class })
class NotLinkedAdvice {

	@ExceptionHandler(Guardians.NotLinkedException.class)
	ResponseEntity<ProblemDetail> notLinked(Guardians.NotLinkedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
				"Log in with Bungie.net first: Tower shows and moves the items of the player who logged in.");
		problem.setProperty("login", "/destiny/login");
		return ResponseEntity.status(403).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
