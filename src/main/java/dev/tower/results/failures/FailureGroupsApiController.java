package dev.tower.results.failures;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import dev.tower.results.ResultsQueries;
import dev.tower.results.failures.FailureGroups.FailureGroup;
import dev.tower.results.failures.FailureGroups.GroupDetail;

@RestController
@RequestMapping("/api/v1/results/failure-groups")
@Tag(name = "Results")
class FailureGroupsApiController {

	private final FailureGroups groups;

	private final ResultsQueries results;

	FailureGroupsApiController(FailureGroups groups, ResultsQueries results) {
		this.groups = groups;
		this.results = results;
	}

	record Groups(Long run, Integer days, List<FailureGroup> groups) {
	}

	@GetMapping
	@Operation(summary = "Failures grouped by likely cause (type, masked message, top frames): one run's "
			+ "(`run`), or those of the runs of the last `days` whole UTC days (today included); give exactly one")
	Groups groups(@RequestParam(required = false) Long run,
			@RequestParam(required = false) @Min(1) @Max(3650) Integer days,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
		if ((run == null) == (days == null)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Give exactly one of run (a run's id) and days.");
		}
		if (run != null) {
			results.run(run).orElseThrow(() -> FailureGroupPages.notFound("run with id " + run));
			return new Groups(run, null, groups.ofRun(run));
		}
		return new Groups(null, days, groups.since(days, limit));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One failure group: the tests it hits and the runs it failed in, newest first")
	GroupDetail group(@PathVariable String id, @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int runs) {
		return groups.group(FailureGroupPages.fingerprint(id), runs)
			.orElseThrow(() -> FailureGroupPages.notFound("failure group " + id));
	}

}
