package dev.tower.destiny.notice;

import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The links in Tower's mails, which work signed out: the token in the link is the proof. Unsubscribing is a POST
 * (the page's button, or a mail client's one-click List-Unsubscribe-Post), so a link scanner that opens the link does
 * not unsubscribe anyone.
 */
@Controller
@ConditionalOnWebApplication
class XurLinksController {

	private final XurNotice notice;

	XurLinksController(XurNotice notice) {
		this.notice = notice;
	}

	@GetMapping("/xur/confirm")
	String confirm(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
		Optional<String> email = notice.confirm(token);
		if (email.isEmpty()) {
			return refused(response, model, "This confirmation link is not valid, or has expired: save your address "
					+ "on your account page to get a new one.");
		}
		model.addAttribute("done", "Your address " + email.get() + " is confirmed: Xûr's inventory will reach it when he arrives.");
		return "destiny/xur-notice";
	}

	@GetMapping("/xur/unsubscribe")
	String unsubscribePage(@RequestParam(defaultValue = "") String token, Model model) {
		model.addAttribute("token", token);
		return "destiny/xur-notice";
	}

	@PostMapping("/xur/unsubscribe")
	String unsubscribe(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
		if (!notice.unsubscribe(token)) {
			return refused(response, model, "This unsubscribe link is not valid: change your notifications on your "
					+ "account page.");
		}
		model.addAttribute("done", "You are unsubscribed: Tower mails you no more of Xûr. You can opt in again on your "
				+ "account page.");
		return "destiny/xur-notice";
	}

	/** A 404 that says why, on the same page. */
	private static String refused(HttpServletResponse response, Model model, String why) {
		response.setStatus(HttpStatus.NOT_FOUND.value());
		model.addAttribute("refused", why);
		return "destiny/xur-notice";
	}

}
