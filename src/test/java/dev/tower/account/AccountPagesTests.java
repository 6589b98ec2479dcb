package dev.tower.account;

import dev.tower.TowerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
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
		accounts.create("reader", "reader-password", false);
	}

	@Test
	void pagesSendStrangersToTheLoginPage() throws Exception {
		mvc.perform(get("/companies")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/login")).andExpect(status().isOk()).andExpect(content().string(containsString("Sign in to Tower")));
	}

	@Test
	void signsInWithTheRightPasswordOnly() throws Exception {
		mvc.perform(formLogin().user("reader").password("reader-password")).andExpect(authenticated().withUsername("reader"));
		mvc.perform(formLogin().user("reader").password("wrong-password")).andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error"));
		mvc.perform(logout()).andExpect(redirectedUrl("/login?logout"));
	}

	@Test
	void formsWithoutACsrfTokenAreRefused() throws Exception {
		mvc.perform(post("/login").param("username", "reader").param("password", "reader-password"))
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
		long id = tokens.list("reader").get(0).id();

		mvc.perform(get("/account").with(user("reader")))
			.andExpect(content().string(containsString("ci-server")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString(((ApiTokenService.IssuedToken) issued).secret()))));
		mvc.perform(post("/account/tokens/{id}/revoke", id).with(user("reader")).with(csrf()))
			.andExpect(flash().attribute("message", containsString("revoked")));
		assertThat(tokens.list("reader")).isEmpty();
	}

	@Test
	void adminPagesAreForAdminsOnly() throws Exception {
		mvc.perform(get("/admin/companies/new").with(user("reader"))).andExpect(status().isForbidden());
		mvc.perform(get("/admin/companies/new").with(user("boss").roles("USER", "ADMIN"))).andExpect(status().isOk());
	}

}
