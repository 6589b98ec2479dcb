package dev.tower.results.tests;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.tower.results.tests.TestQueries.FoundTest;

@RestController
@RequestMapping("/api/v1/results/tests")
@Tag(name = "Results")
class TestsApiController {

	private final TestQueries queries;

	TestsApiController(TestQueries queries) {
		this.queries = queries;
	}

	record Found(String q, List<FoundTest> tests) {
	}

	@GetMapping
	@Operation(summary = "Tests whose class name or name contains `q` (ignoring case; every character means itself), "
			+ "each with its latest outcome; its history is at /api/v1/results/tests/{testKey}/history")
	Found find(@RequestParam @NotBlank @Size(max = 200) String q,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
		return new Found(q, queries.find(q.strip(), limit));
	}

}
