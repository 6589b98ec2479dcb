package dev.tower.destiny.bungie;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.tower.TowerTest;
import dev.tower.destiny.bungie.BungieException.Kind;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** When Bungie.net fails a Destiny page or API call, the player is told what happened: never a 500. */
@TowerTest
@Import({ BungieErrorPagesTests.TroubledPages.class, BungieErrorPagesTests.TroubledApi.class })
class BungieErrorPagesTests {

	@Autowired
	MockMvc mvc;

	@Test
	void maintenanceIsAPageInTheSiteLayoutWithBungiesMessageAndAWayToRetry() throws Exception {
		mvc.perform(get("/destiny/test-trouble?kind=MAINTENANCE&character=2").with(user("guardian")))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andExpect(content().string(containsString("Bungie.net is down for maintenance")))
			.andExpect(content().string(containsString("This system is temporarily disabled for maintenance.")))
			.andExpect(content().string(containsString("SystemDisabled")))
			.andExpect(content().string(containsString("href=\"/destiny/test-trouble?kind=MAINTENANCE&amp;character=2\"")))
			.andExpect(content().string(containsString("guardian")))
			.andExpect(content().string(containsString("bootstrap")));
	}

	@Test
	void throttlingIs429WithRetryAfter() throws Exception {
		mvc.perform(get("/destiny/test-trouble").param("kind", "THROTTLED").with(user("guardian")))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", "7"))
			.andExpect(content().string(containsString("Bungie.net asked Tower to slow down")));

		mvc.perform(get("/api/v1/destiny/test-trouble").param("kind", "THROTTLED").with(user("guardian")))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", "7"))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.retryAfter").value(7));
	}

	@Test
	void noAnswerIs502() throws Exception {
		mvc.perform(get("/destiny/test-trouble").param("kind", "UNAVAILABLE").with(user("guardian")))
			.andExpect(status().isBadGateway())
			.andExpect(content().string(containsString("Bungie.net did not answer")))
			.andExpect(content().string(not(containsString("connection reset"))));
	}

	@Test
	void theApiAnswersProblems() throws Exception {
		mvc.perform(get("/api/v1/destiny/test-trouble").param("kind", "MAINTENANCE").with(user("guardian")))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(503))
			.andExpect(jsonPath("$.detail").value(containsString("Bungie.net is down for maintenance")))
			.andExpect(jsonPath("$.bungie").value("MAINTENANCE"));

		mvc.perform(get("/api/v1/destiny/test-trouble").param("kind", "REFUSED").with(user("guardian")))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("There are no item slots available."))
			.andExpect(jsonPath("$.errorStatus").value("DestinyNoRoomInDestination"));

		mvc.perform(get("/api/v1/destiny/test-trouble").param("kind", "UNAUTHORIZED").with(user("guardian")))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value("Your Bungie.net login has expired: log in again."));

		mvc.perform(get("/api/v1/destiny/test-trouble").param("kind", "UNAVAILABLE").with(user("guardian")))
			.andExpect(status().isBadGateway())
			.andExpect(jsonPath("$.title").value("Bad Gateway"));
	}

	@Test
	void aRefusedActionGoesBackToThePageWithBungiesReason() throws Exception {
		mvc.perform(post("/destiny/test-trouble").param("kind", "REFUSED").with(user("guardian")).with(csrf())
			.header("Referer", "http://localhost/destiny/vault?q=ace"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/destiny/vault?q=ace"))
			.andExpect(flash().attribute("error", "Bungie.net refused: There are no item slots available."));

		mvc.perform(post("/destiny/test-trouble").param("kind", "REFUSED").with(user("guardian")).with(csrf())
			.header("Referer", "https://evil.example/phish"))
			.andExpect(redirectedUrl("/destiny"));
	}

	@Test
	void anExpiredLoginSendsThePlayerToLogInAgain() throws Exception {
		mvc.perform(get("/destiny/test-trouble").param("kind", "UNAUTHORIZED").with(user("guardian")))
			.andExpect(status().isFound())
			// The login's page for ?expired says the login ran out, and offers to log in again.
			.andExpect(redirectedUrl("/destiny/login?expired"))
			.andExpect(flash().attributeCount(0));
	}

	/** A Destiny page whose Bungie call fails as asked. */
	@Controller
	static class TroubledPages {

		@GetMapping("/destiny/test-trouble")
		String show(@RequestParam Kind kind) {
			throw trouble(kind);
		}

		@PostMapping("/destiny/test-trouble")
		String act(@RequestParam Kind kind) {
			throw trouble(kind);
		}

	}

	/** A Destiny API call whose Bungie call fails as asked. */
	@RestController
	static class TroubledApi {

		@GetMapping("/api/v1/destiny/test-trouble")
		String show(@RequestParam Kind kind) {
			throw trouble(kind);
		}

	}

	static BungieException trouble(Kind kind) {
		return switch (kind) {
			case MAINTENANCE -> new BungieException(kind, 5, "SystemDisabled",
					"This system is temporarily disabled for maintenance.", null, null);
			case THROTTLED -> new BungieException(kind, 51, "PerEndpointRequestThrottleExceeded", "Slow down.",
					Duration.ofMillis(6500), null);
			case REFUSED -> new BungieException(kind, 1642, "DestinyNoRoomInDestination",
					"There are no item slots available.", null, null);
			case UNAUTHORIZED -> new BungieException(kind, 2111, "AccessTokenHasExpired", "Expired.", null, null);
			case UNAVAILABLE -> new BungieException(kind, "Bungie.net did not answer: connection reset", null);
		};
	}

}
