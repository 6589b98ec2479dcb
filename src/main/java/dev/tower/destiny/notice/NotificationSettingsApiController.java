package dev.tower.destiny.notice;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.tower.account.AccountService;

/** The signed-in player's notifications; the account page uses the same. */
@RestController
@RequestMapping("/api/v1/account/notifications")
@Tag(name = "Account")
@ConditionalOnWebApplication
class NotificationSettingsApiController {

	private final AccountService accounts;

	private final XurNotice notice;

	NotificationSettingsApiController(AccountService accounts, XurNotice notice) {
		this.accounts = accounts;
		this.notice = notice;
	}

	@GetMapping
	@Operation(summary = "Your notifications: the address mail goes to, whether it is confirmed, Xûr by e-mail and "
			+ "in Slack, and whether this Tower can send either")
	NotificationSettings get(Authentication authentication) {
		return notice.settings(account(authentication));
	}

	@PutMapping
	@Operation(summary = "Change them, e.g. {\"email\": \"you@example.com\", \"xur\": true}: a new or unconfirmed "
			+ "address is sent a confirmation link, and Xûr is mailed only once it is followed. 400 for an address "
			+ "that is not one, or Xûr by e-mail without an address; 409 when this Tower has no mail or no Slack set up")
	NotificationSettings put(Authentication authentication, @RequestBody NotificationSettings.Change change) {
		return notice.change(account(authentication), change);
	}

	private long account(Authentication authentication) {
		return accounts.find(authentication.getName()).orElseThrow().id();
	}

}
