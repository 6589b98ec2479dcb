package dev.tower.destiny.inventory;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Moves from the board's pages (session and CSRF token, like a form post). The answer streams one JSON line per
 * hop ({@code {"step":1,"of":2,"text":"Moving … to the vault"}}) and a last line that says how it ended
 * ({@code {"done":true,"message":…}} or {@code {"error":…,"where":…}}), so the page shows each hop as it happens.
 * A move that is impossible from the start is a plain problem answer instead; the move's {@link
 * MoveFailedException.Reason} chooses the HTTP status (in the last line too).
 */
@RestController
class ItemActionsController {

	private final Guardians guardians;

	private final ItemMoves moves;

	private final JsonMapper json;

	ItemActionsController(Guardians guardians, ItemMoves moves, JsonMapper json) {
		this.guardians = guardians;
		this.moves = moves;
		this.json = json;
	}

	/** Move {@code item} (its board key) to {@code to} ("vault" or a character id), equipping it there if asked. */
	record MoveRequest(String item, String to, Boolean equip) {

		boolean equipping() {
			return Boolean.TRUE.equals(equip);
		}

	}

	record PullRequest(String item) {
	}

	@PostMapping(path = "/destiny/items/move", consumes = MediaType.APPLICATION_JSON_VALUE)
	void move(@RequestBody MoveRequest request, Authentication authentication, HttpSession session,
			HttpServletResponse response) throws IOException {
		Guardian guardian = guardians.current(authentication, session);
		run(guardian, moves.plan(guardian, request.item(), request.to(), request.equipping()), response);
	}

	@PostMapping(path = "/destiny/items/pull", consumes = MediaType.APPLICATION_JSON_VALUE)
	void pull(@RequestBody PullRequest request, Authentication authentication, HttpSession session,
			HttpServletResponse response) throws IOException {
		Guardian guardian = guardians.current(authentication, session);
		run(guardian, moves.pull(guardian, request.item()), response);
	}

	private void run(Guardian guardian, ItemMoves.Plan plan, HttpServletResponse response) throws IOException {
		MoveStream out = MoveStream.open(response, json);
		try {
			ItemMoves.Outcome outcome = moves.run(guardian, plan, (number, of, text) -> {
				out.line(Map.of("step", number, "of", of, "text", text));
			});
			Map<String, Object> done = new LinkedHashMap<>();
			done.put("done", true);
			done.put("message", outcome.message());
			done.put("where", outcome.where());
			out.line(done);
		}
		catch (MoveFailedException ex) {
			Map<String, Object> failed = new LinkedHashMap<>();
			failed.put("error", ex.getMessage());
			failed.put("status", ex.reason().status().value());
			failed.put("where", ex.where());
			out.line(failed);
		}
	}

	@ExceptionHandler(MoveFailedException.class)
	ResponseEntity<ProblemDetail> refused(MoveFailedException ex) {
		HttpStatus status = ex.reason().status();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
		problem.setTitle("The item was not moved");
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
