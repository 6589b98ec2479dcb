package dev.tower.results.changes;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.tower.results.changes.ChangeViews.Comparison;
import dev.tower.results.changes.ChangeViews.RunChanges;

@RestController
@RequestMapping("/api/v1/results")
@Tag(name = "Results")
class ChangesApiController {

	private final ChangeQueries queries;

	ChangesApiController(ChangeQueries queries) {
		this.queries = queries;
	}

	@GetMapping("/runs/{id}/changes")
	@Operation(summary = "What changed in a run since its predecessor (the latest earlier run with the same owner, "
			+ "site and run tag): new failures, failures still failing since an earlier run (with their age in runs), "
			+ "fixed, added and removed tests; each list holds at most `limit` tests, `counts` says how many there are")
	RunChanges changes(@PathVariable long id, @RequestParam(defaultValue = "1000") @Min(1) @Max(10_000) int limit) {
		return queries.changes(id, limit);
	}

	@GetMapping("/compare")
	@Operation(summary = "Run `head` against run `base`: new failures, fixed, still failing, added and removed tests, "
			+ "and tests at least twice and a second slower; each list holds at most `limit` tests")
	Comparison compare(@RequestParam long base, @RequestParam long head,
			@RequestParam(defaultValue = "1000") @Min(1) @Max(10_000) int limit) {
		return queries.compare(base, head, limit);
	}

}
