package dev.tower.finance;

import java.math.BigDecimal;

import dev.tower.TowerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@TowerTest
class CompanyApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	CompanyService companies;

	long wayne;

	long stark;

	@BeforeEach
	void twoCompanies() {
		wayne = companies.create(new CompanyRequest("WayneCorp", "Bruce Wayne", "Multinational Conglomerate")).id();
		stark = companies.create(new CompanyRequest("Stark Industries", "Pepper Potts", "Manufacturing")).id();
		companies.record(stark, 2018, new Quarters(bd("7825000000.00"), bd("7825000000.00"), bd("7825000000.00"), bd("7825000000.00")));
		companies.record(stark, 2017, new Quarters(bd("100.50"), bd("200"), null, bd("-50")));
	}

	@Test
	void listsCompaniesPagedAndSortedByName() throws Exception {
		mvc.perform(get("/api/v1/companies").with(user("reader")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content[*].name", contains("Stark Industries", "WayneCorp")))
			.andExpect(jsonPath("$.page.totalElements").value(2))
			.andExpect(jsonPath("$.page.size").value(20));
		mvc.perform(get("/api/v1/companies?sort=name,desc&size=1&page=1").with(user("reader")))
			.andExpect(jsonPath("$.content[*].name", contains("Stark Industries")))
			.andExpect(jsonPath("$.page.totalPages").value(2));
	}

	@Test
	void filtersByNameContainingAndBusinessTypeIgnoringCase() throws Exception {
		mvc.perform(get("/api/v1/companies?name=wayne").with(user("reader")))
			.andExpect(jsonPath("$.content[*].name", contains("WayneCorp")));
		mvc.perform(get("/api/v1/companies?businessType=MANUFACTURING").with(user("reader")))
			.andExpect(jsonPath("$.content[*].name", contains("Stark Industries")));
		mvc.perform(get("/api/v1/companies?name=%25").with(user("reader")))
			.andExpect(jsonPath("$.content", hasSize(0)));
	}

	@Test
	void showsOneCompany() throws Exception {
		mvc.perform(get("/api/v1/companies/{id}", wayne).with(user("reader")))
			.andExpect(status().isOk())
			.andExpect(content().json("""
					{"id": %d, "name": "WayneCorp", "ceo": "Bruce Wayne", "businessType": "Multinational Conglomerate"}
					""".formatted(wayne), org.springframework.test.json.JsonCompareMode.STRICT));
	}

	@Test
	void listsFinancesOldestFirstWithExactDecimalsAndTotals() throws Exception {
		mvc.perform(get("/api/v1/companies/{id}/finances", stark).with(user("reader")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].year", contains(2017, 2018)))
			.andExpect(jsonPath("$[0].q1").value(100.50))
			.andExpect(jsonPath("$[0].q3").doesNotExist())
			.andExpect(jsonPath("$[0].total").value(250.50))
			.andExpect(jsonPath("$[1].total").value(31300000000.00));
		mvc.perform(get("/api/v1/companies/{id}/finances?year=2018", stark).with(user("reader")))
			.andExpect(jsonPath("$[*].year", contains(2018)));
		mvc.perform(get("/api/v1/companies/{id}/finances?year=1999", stark).with(user("reader")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(0)));
	}

	@Test
	void comparesEarningsOfTheLatestYearBiggestFirst() throws Exception {
		companies.record(wayne, 2018, new Quarters(bd("1"), bd("1"), bd("1"), bd("1")));
		mvc.perform(get("/api/v1/earnings").with(user("reader")))
			.andExpect(jsonPath("$.year").value(2018))
			.andExpect(jsonPath("$.years", contains(2017, 2018)))
			.andExpect(jsonPath("$.companies[*].name", contains("Stark Industries", "WayneCorp")));
		mvc.perform(get("/api/v1/earnings?year=2018&businessType=Multinational Conglomerate").with(user("reader")))
			.andExpect(jsonPath("$.companies[*].name", contains("WayneCorp")));
		mvc.perform(get("/api/v1/earnings/totals").with(user("reader")))
			.andExpect(jsonPath("$[*].year", contains(2017, 2018)))
			.andExpect(jsonPath("$[1].total").value(31300000004.00))
			.andExpect(jsonPath("$[1].companies").value(2));
	}

	@Test
	void requiresSignInAndSaysHow() throws Exception {
		mvc.perform(get("/api/v1/companies"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(header().string("WWW-Authenticate", containsString("Bearer")))
			.andExpect(jsonPath("$.detail", containsString("Authorization: Bearer")));
	}

	@Test
	void refusesWritesFromNonAdmins() throws Exception {
		mvc.perform(post("/api/v1/companies").with(user("reader")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Initech\",\"ceo\":\"Bill Lumbergh\",\"businessType\":\"Technology\"}"))
			.andExpect(status().isForbidden())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("This needs the admin role."));
		mvc.perform(delete("/api/v1/companies/{id}", wayne).with(user("reader")).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(companies.find(CompanyFilter.NONE, org.springframework.data.domain.Pageable.unpaged()).getTotalElements()).isEqualTo(2);
	}

	@Test
	void adminsCreateUpdateAndDeleteCompanies() throws Exception {
		String location = mvc.perform(post("/api/v1/companies").with(admin()).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"  Initech \",\"ceo\":\"Bill Lumbergh\",\"businessType\":\"Technology\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.name").value("Initech"))
			.andReturn().getResponse().getHeader("Location");
		mvc.perform(get(location).with(admin())).andExpect(jsonPath("$.ceo").value("Bill Lumbergh"));
		mvc.perform(put(location).with(admin()).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Initech\",\"ceo\":\"Peter Gibbons\",\"businessType\":\"Software\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.ceo").value("Peter Gibbons"));
		mvc.perform(get(location).with(admin())).andExpect(jsonPath("$.ceo").value("Peter Gibbons"));
		mvc.perform(delete(location).with(admin()).with(csrf())).andExpect(status().isNoContent());
		mvc.perform(get(location).with(admin())).andExpect(status().isNotFound());
	}

	@Test
	void adminsRecordReplaceAndDeleteAYear() throws Exception {
		mvc.perform(put("/api/v1/companies/{id}/finances/2020", wayne).with(admin()).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"q1\": 10.25, \"q2\": 20}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.total").value(30.25));
		mvc.perform(put("/api/v1/companies/{id}/finances/2020", wayne).with(admin()).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"q1\": 1, \"q2\": 2, \"q3\": 3, \"q4\": 4}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(10));
		mvc.perform(delete("/api/v1/companies/{id}/finances/2020", wayne).with(admin()).with(csrf()))
			.andExpect(status().isNoContent());
		mvc.perform(delete("/api/v1/companies/{id}/finances/2020", wayne).with(admin()).with(csrf()))
			.andExpect(status().isNotFound());
	}

	@Test
	void answersProblemsForUnknownIdsAndInvalidInput() throws Exception {
		mvc.perform(get("/api/v1/companies/999999").with(user("reader")))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("No company with id 999999."));
		mvc.perform(get("/api/v1/companies/abc").with(user("reader")))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(post("/api/v1/companies").with(admin()).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"\",\"ceo\":\"x\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("name must not be blank")))
			.andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.hasItems("name", "businessType")));
		mvc.perform(post("/api/v1/companies").with(admin()).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"WayneCorp\",\"ceo\":\"x\",\"businessType\":\"y\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("already exists")));
		mvc.perform(put("/api/v1/companies/{id}/finances/2020", wayne).with(admin()).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"q1\": 1.234}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("q1 numeric value out of bounds")));
		mvc.perform(get("/api/v1/companies?size=1000").with(user("reader")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("size")));
	}

	static org.springframework.test.web.servlet.request.RequestPostProcessor admin() {
		return user("admin").roles("USER", "ADMIN");
	}

	static BigDecimal bd(String value) {
		return new BigDecimal(value);
	}

}
