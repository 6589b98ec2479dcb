package dev.tower.destiny.inventory;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The board's JSON answers for an account that has not logged in with Bungie.net yet: a 403 naming the login. */
@RestControllerAdvice(assignableTypes = { ItemActionsController.class, ItemDetailsController.class })
class NotLinkedAdvice {

	@ExceptionHandler(Guardians.NotLinkedException.class)
	ResponseEntity<ProblemDetail> notLinked(Guardians.NotLinkedException ex) {
		return ex.problem();
	}

}
