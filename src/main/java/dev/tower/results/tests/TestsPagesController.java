package dev.tower.results.tests;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import dev.tower.results.report.Outcome;

/** Finding a test, and a suite's cases. */
@Controller
class TestsPagesController {

	static final int SEARCH_LIMIT = 100;

	static final int SUITE_PAGE_SIZE = 100;

	private final TestQueries queries;

	TestsPagesController(TestQueries queries) {
		this.queries = queries;
	}

	@GetMapping("/results/tests")
	String find(@RequestParam(defaultValue = "") @Size(max = 200) String q, Model model) {
		model.addAttribute("q", q);
		model.addAttribute("limit", SEARCH_LIMIT);
		if (!q.isBlank()) {
			model.addAttribute("tests", queries.find(q.strip(), SEARCH_LIMIT));
		}
		return "results/tests";
	}

	@GetMapping("/results/suites/{id}")
	String suite(@PathVariable long id, @RequestParam(required = false) Outcome outcome,
			@RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page, Model model) {
		var suite = queries.suite(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No suite with id " + id + "."));
		var cases = queries.cases(suite, outcome, page, SUITE_PAGE_SIZE);
		model.addAttribute("suite", suite);
		model.addAttribute("outcome", outcome);
		model.addAttribute("page", page);
		model.addAttribute("more", cases.size() > SUITE_PAGE_SIZE);
		model.addAttribute("cases", cases.size() > SUITE_PAGE_SIZE ? cases.subList(0, SUITE_PAGE_SIZE) : cases);
		return "results/suite";
	}

}
