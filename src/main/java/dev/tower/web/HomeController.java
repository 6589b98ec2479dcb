package dev.tower.web;

import dev.tower.finance.EarningsService;
import dev.tower.results.ResultsQueries;
import jakarta.servlet.http.HttpServletRequest;
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

	/** A player, who may open the Destiny board only, is home there. */
	@GetMapping("/")
	String home(HttpServletRequest request, Model model) {
		if (!request.isUserInRole("USER")) {
			return "redirect:/destiny";
		}
		model.addAttribute("finance", earnings.statistics());
		model.addAttribute("results", results.overview());
		return "home";
	}

}
