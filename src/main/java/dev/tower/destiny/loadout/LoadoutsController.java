package dev.tower.destiny.loadout;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import dev.tower.account.AccountService;
import dev.tower.destiny.inventory.Guardian;
import dev.tower.destiny.inventory.Guardians;
import dev.tower.destiny.inventory.MoveStream;

/**
 * Loadouts, for the character page and for scripts. Applying streams one JSON line per Bungie action
 * ({@code {"step":1,"of":6,"text":"Moving … to the vault"}}), one per item once it is in place
 * ({@code {"placed":"…","message":"Equipped … on Hunter."}}), and a last line with the outcome
 * ({@code {"done":true,…}} or {@code {"error":…,"status":409,…}}), each naming the items placed and those not.
 */
@RestController
@RequestMapping("/api/v1/destiny/loadouts")
class LoadoutsController {

	private final Loadouts loadouts;

	private final Guardians guardians;

	private final AccountService accounts;

	private final JsonMapper json;

	LoadoutsController(Loadouts loadouts, Guardians guardians, AccountService accounts, JsonMapper json) {
		this.loadouts = loadouts;
		this.guardians = guardians;
		this.accounts = accounts;
		this.json = json;
	}

	record SaveRequest(String name, String character) {
	}

	record RenameRequest(String name) {
	}

	record ItemView(String instanceId, String name) {
	}

	record LoadoutView(long id, String name, int classType, String className, List<ItemView> items,
			Instant createdAt) {

		static LoadoutView of(Loadout loadout) {
			return new LoadoutView(loadout.id(), loadout.name(), loadout.classType(),
					Guardians.className(loadout.classType()),
					loadout.items().stream().map(i -> new ItemView(i.instanceId(), i.name())).toList(),
					loadout.createdAt());
		}

	}

	@GetMapping
	List<LoadoutView> list(Authentication authentication) {
		return loadouts.list(accountId(authentication)).stream().map(LoadoutView::of).toList();
	}

	/** Saves what {@code character} wears as a new loadout named {@code name}. */
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<LoadoutView> save(@RequestBody SaveRequest request, Authentication authentication,
			HttpSession session) {
		Guardian guardian = guardians.current(authentication, session);
		Loadout saved = loadouts.save(accountId(authentication), guardian, request.name(), request.character());
		return ResponseEntity.created(URI.create("/api/v1/destiny/loadouts/" + saved.id())).body(LoadoutView.of(saved));
	}

	@PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void rename(@PathVariable long id, @RequestBody RenameRequest request, Authentication authentication) {
		loadouts.rename(accountId(authentication), id, request.name());
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable long id, Authentication authentication) {
		loadouts.delete(accountId(authentication), id);
	}

	/** Puts loadout {@code id} on {@code character}; a plan that cannot run is refused before anything moves. */
	@PostMapping("/{id}/apply")
	void apply(@PathVariable long id, @RequestParam(required = false) String character, Authentication authentication,
			HttpSession session, HttpServletResponse response) throws IOException {
		Guardian guardian = guardians.current(authentication, session);
		LoadoutPlan plan = loadouts.plan(accountId(authentication), guardian, id, character);
		MoveStream out = MoveStream.open(response, json);
		Loadouts.Outcome outcome = loadouts.apply(guardian, plan, new Loadouts.Listener() {

			@Override
			public void step(int number, int of, String text) {
				out.line(Map.of("step", number, "of", of, "text", text));
			}

			@Override
			public void placed(LoadoutPlan.Step step, String message) {
				out.line(Map.of(step.makesRoom() ? "madeRoom" : "placed", step.name(), "message", message));
			}

		});
		Map<String, Object> last = new LinkedHashMap<>();
		if (outcome.refusal() == null) {
			last.put("done", true);
			last.put("message", outcome.message());
		}
		else {
			last.put("error", outcome.message());
			last.put("status", outcome.refusal().reason().status().value());
		}
		last.put("placed", outcome.placed());
		last.put("notPlaced", outcome.notPlaced());
		out.line(last);
	}

	private long accountId(Authentication authentication) {
		return accounts.find(authentication.getName())
			.orElseThrow(() -> new LoadoutException(HttpStatus.FORBIDDEN, "Loadouts belong to Tower accounts."))
			.id();
	}

	@ExceptionHandler(LoadoutException.class)
	ResponseEntity<ProblemDetail> refused(LoadoutException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(ex.status(), ex.getMessage());
		return ResponseEntity.status(ex.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	@ExceptionHandler(Guardians.NotLinkedException.class)
	ResponseEntity<ProblemDetail> notLinked(Guardians.NotLinkedException ex) {
		return ex.problem();
	}

}
