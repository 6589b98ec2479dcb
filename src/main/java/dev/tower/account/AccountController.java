package dev.tower.account;

import java.security.Principal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The account page: who you are, and your personal API tokens. */
@Controller
@RequestMapping("/account")
class AccountController {

	private final ApiTokenService tokens;

	private final TokenScopes scopes;

	AccountController(ApiTokenService tokens, TokenScopes scopes) {
		this.tokens = tokens;
		this.scopes = scopes;
	}

	@GetMapping
	String show(Principal principal, Model model) {
		model.addAttribute("tokens", tokens.list(principal.getName()));
		model.addAttribute("scopes", scopes.all());
		return "account/account";
	}

	@PostMapping("/tokens")
	String issue(Principal principal, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "api") String scope, RedirectAttributes redirect) {
		try {
			var issued = tokens.issue(principal.getName(), name, scopes.of(scope));
			redirect.addFlashAttribute("issued", issued);
		}
		catch (AccountException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/account";
	}

	@PostMapping("/tokens/{id}/revoke")
	String revoke(Principal principal, @PathVariable long id, RedirectAttributes redirect) {
		if (tokens.revoke(principal.getName(), id)) {
			redirect.addFlashAttribute("message", "Token revoked: it no longer opens the API.");
		}
		else {
			redirect.addFlashAttribute("error", "No such token on your account.");
		}
		return "redirect:/account";
	}

}
