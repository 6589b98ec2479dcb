package dev.tower.finance;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import dev.tower.TowerTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The companies list a page at a time, its filter kept from page to page. */
@TowerTest
class CompanyPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	CompanyService companies;

	@Test
	void theListPagesThroughTheCompaniesAndKeepsItsFilter() throws Exception {
		for (int i = 0; i < CompanyPagesController.PAGE_SIZE + 1; i++) {
			companies.create(new CompanyRequest("Acme %02d".formatted(i), "Wile E.", "Retail"));
		}

		String first = page("/companies?name=Acme");
		assertThat(first).contains("Page 1 of 2").contains("<span class=\"page-link\">Previous</span>")
			.containsPattern("href=\"/companies\\?name=Acme[^\"]*page=1\">Next</a>");
		String second = page("/companies?name=Acme&page=1");
		assertThat(second).contains("Page 2 of 2").contains("Acme 20").contains("<span class=\"page-link\">Next</span>")
			.containsPattern("href=\"/companies\\?name=Acme[^\"]*page=0\">Previous</a>");
	}

	private String page(String url) throws Exception {
		return mvc.perform(get(url).with(user("reader").roles("USER"))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
	}

}
