package dev.tower.results.changes;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.tower.results.UnknownRunException;

/** The compare page: a run against another, by default its predecessor. */
@Controller
class ChangesPagesController {

	private static final int LIST_SIZE = 200;

	private final ChangeQueries queries;

	ChangesPagesController(ChangeQueries queries) {
		this.queries = queries;
	}

	@GetMapping("/results/compare")
	String compare(@RequestParam long head, @RequestParam(required = false) Long base, Model model) {
		queries.run(head);
		long against = base != null ? base : queries.predecessor(head).map(ChangeViews.RunRef::runId)
			.orElseThrow(() -> new UnknownRunException("earlier run in the series of run " + head + " to compare with"));
		model.addAttribute("comparison", queries.compare(against, head, LIST_SIZE));
		model.addAttribute("candidates", queries.series(head, 50));
		return "results/compare";
	}

}
