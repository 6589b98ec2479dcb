package dev.tower.account;

import dev.tower.TowerTest;
import dev.tower.results.ResultsAccess;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.logout;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@TowerTest
class AccountPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	ApiTokenService tokens;

	@BeforeEach
	void reader() {
		accounts.create("reader", "reader-kettle-harbour", false);
	}

	@Test
	void pagesSendStrangersToTheLoginPage() throws Exception {
		mvc.perform(get("/companies")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/login")).andExpect(status().isOk()).andExpect(content().string(containsString("Sign in to Tower")));
	}

	@Test
	void signsInWithTheRightPasswordOnly() throws Exception {
		mvc.perform(formLogin().user("reader").password("reader-kettle-harbour")).andExpect(authenticated().withUsername("reader"));
		mvc.perform(formLogin().user("reader").password("wrong-kettle-harbour")).andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error"));
		mvc.perform(logout()).andExpect(redirectedUrl("/login?logout"));
	}

	@Test
	void fiveWrongPasswordsPauseSignInForThatAccountFromThatAddressOnly() throws Exception {
		accounts.create("guessed", "the-right-kettle-harbour", false);
		for (int i = 1; i <= 4; i++) {
			mvc.perform(signIn("guessed", "guess-" + i, "203.0.113.7"))
				.andExpect(redirectedUrl("/login?error"));
		}
		mvc.perform(signIn("guessed", "guess-5", "203.0.113.7"))
			.andExpect(redirectedUrl("/login?locked=15"))
			.andExpect(header().string("Retry-After", matchesPattern("8[0-9]{2}|900")));

		mvc.perform(signIn("Guessed", "the-right-kettle-harbour", "203.0.113.7"))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?locked=15"));
		mvc.perform(get("/login").param("locked", "15"))
			.andExpect(content().string(containsString("Too many wrong passwords.")))
			.andExpect(content().string(containsString("Try again in 15 minutes.")));

		mvc.perform(signIn("guessed", "the-right-kettle-harbour", "198.51.100.4"))
			.andExpect(authenticated().withUsername("guessed"));
	}

	@Test
	void aLockedOutMessageWithANonsenseFigureStillReads() throws Exception {
		mvc.perform(get("/login").param("locked", "<b>soon</b>"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Too many wrong passwords.")))
			.andExpect(content().string(containsString("Try again later.")))
			.andExpect(content().string(not(containsString("<b>soon"))));
	}

	@Test
	void formsWithoutACsrfTokenAreRefused() throws Exception {
		mvc.perform(post("/login").param("username", "reader").param("password", "reader-kettle-harbour"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/account/tokens").param("name", "ci").with(user("reader")))
			.andExpect(status().isForbidden());
		assertThat(tokens.list("reader")).isEmpty();
	}

	@Test
	void theAccountPageIssuesATokenOnceAndRevokesIt() throws Exception {
		var issued = mvc.perform(post("/account/tokens").param("name", "ci-server").with(user("reader")).with(csrf()))
			.andExpect(redirectedUrl("/account"))
			.andReturn().getFlashMap().get("issued");
		assertThat(issued).isInstanceOf(ApiTokenService.IssuedToken.class);
		assertThat(tokens.list("reader").get(0).scope()).as("the default scope").isEqualTo(TokenScope.API);
		long id = tokens.list("reader").get(0).id();

		mvc.perform(get("/account").with(user("reader")))
			.andExpect(content().string(containsString("ci-server")))
			.andExpect(content().string(not(containsString(((ApiTokenService.IssuedToken) issued).secret()))));
		mvc.perform(post("/account/tokens/{id}/revoke", id).with(user("reader")).with(csrf()))
			.andExpect(flash().attribute("message", containsString("revoked")));
		assertThat(tokens.list("reader")).isEmpty();
	}

	@Test
	void theAccountPageIssuesUploadTokensAndShowsEachTokensScope() throws Exception {
		mvc.perform(get("/account").with(user("reader")))
			.andExpect(content().string(containsString("Full API access as you")))
			.andExpect(content().string(containsString("Upload test results only")));

		var issued = mvc.perform(post("/account/tokens").param("name", "test-rig").param("scope", "upload")
			.with(user("reader")).with(csrf()))
			.andExpect(redirectedUrl("/account"))
			.andReturn().getFlashMap().get("issued");
		assertThat(((ApiTokenService.IssuedToken) issued).token().scope()).isEqualTo(ResultsAccess.UPLOAD);
		mvc.perform(get("/account").with(user("reader")).flashAttr("issued", issued))
			.andExpect(content().string(containsString("it may only upload test results")))
			.andExpect(content().string(not(containsString("/api/v1/companies"))));
		mvc.perform(post("/account/tokens").param("name", "scripts").param("scope", "api").with(user("reader")).with(csrf()));

		assertThat(tokens.list("reader")).extracting(ApiTokenView::name, ApiTokenView::scope)
			.containsExactlyInAnyOrder(tuple("test-rig", ResultsAccess.UPLOAD), tuple("scripts", TokenScope.API));
		mvc.perform(get("/account").with(user("reader")))
			.andExpect(content().string(matchesPattern(scopeBadge("test-rig", "upload"))))
			.andExpect(content().string(matchesPattern(scopeBadge("scripts", "api"))));
	}

	@Test
	void theAccountPageRefusesAnUnknownScope() throws Exception {
		mvc.perform(post("/account/tokens").param("name", "ci").param("scope", "admin").with(user("reader")).with(csrf()))
			.andExpect(redirectedUrl("/account"))
			.andExpect(flash().attribute("error", "unknown token scope 'admin': use api or upload"))
			.andExpect(flash().attributeCount(1));
		assertThat(tokens.list("reader")).isEmpty();
	}

	@Test
	void adminPagesAreForAdminsOnly() throws Exception {
		mvc.perform(get("/admin/companies/new").with(user("reader"))).andExpect(status().isForbidden());
		mvc.perform(get("/admin/companies/new").with(user("boss").roles("USER", "ADMIN"))).andExpect(status().isOk());
	}

	@Test
	void aPasswordChangeEndsTheAccountsSessions() throws Exception {
		MockHttpSession laptop = signedIn("reader", "reader-kettle-harbour");
		MockHttpSession phone = signedIn("reader", "reader-kettle-harbour");
		mvc.perform(get("/account").session(laptop)).andExpect(status().isOk());

		accounts.changePassword("reader", "a-new-kettle-harbour");

		for (MockHttpSession session : new MockHttpSession[] { laptop, phone }) {
			mvc.perform(get("/account").session(session)).andExpect(redirectedUrl("/login"));
			assertThat(session.isInvalid()).isTrue();
		}
		mvc.perform(get("/account").session(signedIn("reader", "a-new-kettle-harbour"))).andExpect(status().isOk());
	}

	@Test
	void aDisabledAccountIsSignedOutAndCannotSignInUntilEnabled() throws Exception {
		MockHttpSession page = signedIn("reader", "reader-kettle-harbour");
		MockHttpSession chart = signedIn("reader", "reader-kettle-harbour");

		accounts.disable("reader", true);

		mvc.perform(get("/companies").session(page)).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/api/v1/companies").session(chart)).andExpect(status().isUnauthorized());
		mvc.perform(signIn("reader", "reader-kettle-harbour", "192.0.2.1")).andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error"));

		accounts.disable("reader", false);

		mvc.perform(get("/companies").session(signedIn("reader", "reader-kettle-harbour"))).andExpect(status().isOk());
	}

	@Test
	void otherAccountsSessionsGoOn() throws Exception {
		accounts.create("other", "other-kettle-harbour", false);
		MockHttpSession session = signedIn("other", "other-kettle-harbour");

		accounts.changePassword("reader", "a-new-kettle-harbour");
		accounts.disable("reader", true);

		mvc.perform(get("/account").session(session)).andExpect(status().isOk());
	}

	/** A browser session signed in through the login form. */
	private MockHttpSession signedIn(String username, String password) throws Exception {
		MockHttpSession session = (MockHttpSession) mvc.perform(signIn(username, password, "192.0.2.1"))
			.andExpect(authenticated().withUsername(username))
			.andReturn().getRequest().getSession(false);
		assertThat(session).isNotNull();
		return session;
	}

	/** The token's row: its name, its prefix, then its scope as a badge. */
	private static String scopeBadge(String name, String scope) {
		return "(?s).*<td>" + name + "</td>\\s*<td><code>[^<]*</code></td>\\s*<td><span class=\"badge [^\"]*\"[^>]*>" + scope
				+ "</span>.*";
	}

	/** The login form, posted from {@code address}. */
	private static MockHttpServletRequestBuilder signIn(String username, String password, String address) {
		return post("/login").param("username", username).param("password", password).with(csrf()).with(request -> {
			request.setRemoteAddr(address);
			return request;
		});
	}

}
