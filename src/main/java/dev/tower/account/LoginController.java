package dev.tower.account;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

	/** {@code locked}: minutes left of a lock-out (see {@link SignInThrottle}); anything else says "later". */
	@GetMapping("/login")
	String login(@RequestParam(required = false) String locked, Model model) {
		if (locked != null) {
			model.addAttribute("lockedMinutes", locked.matches("[1-9][0-9]{0,3}") ? Integer.valueOf(locked) : null);
		}
		return "account/login";
	}

}
