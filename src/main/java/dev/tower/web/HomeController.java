package dev.tower.web;

import dev.tower.finance.EarningsService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

	private final EarningsService earnings;

	HomeController(EarningsService earnings) {
		this.earnings = earnings;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("finance", earnings.statistics());
		return "home";
	}

}
