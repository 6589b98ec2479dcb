package dev.tower.web;

import dev.tower.finance.EarningsService;
import dev.tower.results.ResultsQueries;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

	private final EarningsService earnings;

	private final ResultsQueries results;

	HomeController(EarningsService earnings, ResultsQueries results) {
		this.earnings = earnings;
		this.results = results;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("finance", earnings.statistics());
		model.addAttribute("results", results.overview());
		return "home";
	}

}
