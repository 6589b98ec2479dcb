package dev.tower.finance;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import dev.tower.TowerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Hostile and malformed values in every path and query parameter and in the import file: a clear 4xx
 * (or, for free-text searches, an honest empty result), never a 500, and the data exactly as it was.
 */
@TowerTest
class BadInputTests {

	static final List<String> HOSTILE = List.of("' OR '1'='1", "1 OR 1=1", "1; DROP TABLE company; --",
			"1' UNION SELECT username, password_hash FROM account --", "1)) OR ((1=1", "\u0000", "%00", "../../etc/passwd",
			"<script>alert(1)</script>", "${7*7}", "#{7*7}", "-1", "99999999999999999999999", "1e5", "0x10", "NaN", "null",
			"[]", "{\"a\":1}", "%", "_", "\\", "ü名前", "\uD83D\uDCA3", "x".repeat(10_000), "1.5", "name;desc", "name,sideways");

	@Autowired
	MockMvc mvc;

	@Autowired
	CompanyService companies;

	@Autowired
	JsonMapper json;

	long stark;

	@BeforeEach
	void oneCompany() {
		stark = companies.create(new CompanyRequest("Stark Industries", "Pepper Potts", "Manufacturing")).id();
		companies.record(stark, 2018, new Quarters(BigDecimal.ONE, BigDecimal.valueOf(2), BigDecimal.TEN, BigDecimal.ONE));
	}

	static Stream<String> hostile() {
		return HOSTILE.stream();
	}

	@ParameterizedTest
	@MethodSource("hostile")
	void typedPathAndQueryParametersAnswer4xxAndChangeNothing(String value) throws Exception {
		String before = snapshot();
		List<MockHttpServletRequestBuilder> requests = List.of(
				get("/api/v1/companies/{id}", value), get("/api/v1/companies/{id}/finances", value),
				get("/api/v1/companies/{id}/finances", stark).queryParam("year", value),
				get("/api/v1/companies").queryParam("sort", value), get("/api/v1/earnings").queryParam("year", value),
				get("/api_1_0/get_company/{id}", value), get("/api_1_0/get_finances/{id}/2018", value),
				get("/api_1_0/get_finances/{id}/{year}", stark, value), get("/companies/{id}", value),
				put("/api/v1/companies/{id}", value).contentType(MediaType.APPLICATION_JSON)
					.content("{\"name\":\"X\",\"ceo\":\"Y\",\"businessType\":\"Z\"}"),
				put("/api/v1/companies/{id}/finances/{year}", stark, value).contentType(MediaType.APPLICATION_JSON).content("{\"q1\":1}"),
				put("/api/v1/companies/{id}/finances/2018", stark).contentType(MediaType.APPLICATION_JSON).content("{\"q1\":\"" + jsonEscape(value) + "\"}"),
				delete("/api/v1/companies/{id}", value), delete("/api/v1/companies/{id}/finances/{year}", stark, value),
				post("/admin/companies/{id}/delete", value), post("/admin/companies/{id}/finances/{year}/delete", stark, value));
		for (MockHttpServletRequestBuilder request : requests) {
			MockHttpServletResponse response = mvc.perform(request.with(admin()).with(csrf())).andReturn().getResponse();
			assertThat(response.getStatus()).as("%s with %s", value, response.getContentAsString()).isBetween(400, 499);
		}
		// Spring reads 0x10 as the number 16, a harmless page number or size.
		for (var paging : List.of(get("/api/v1/companies").queryParam("page", value), get("/api/v1/companies").queryParam("size", value),
				get("/companies").queryParam("page", value))) {
			int status = mvc.perform(paging.with(admin())).andReturn().getResponse().getStatus();
			assertThat(status).as("paging with " + value).isEqualTo(value.equals("0x10") ? 200 : 400);
		}
		assertThat(snapshot()).isEqualTo(before);
	}

	@ParameterizedTest
	@MethodSource("hostile")
	void freeTextSearchesFindNothingRatherThanEverything(String value) throws Exception {
		String before = snapshot();
		for (String parameter : List.of("name", "businessType")) {
			for (String path : List.of("/api/v1/companies", "/api/v1/earnings")) {
				MockHttpServletResponse response = mvc.perform(get(path).queryParam(parameter, value).with(admin()))
					.andReturn().getResponse();
				if (value.length() > 140 || value.chars().anyMatch(Character::isISOControl)) {
					assertThat(response.getStatus()).isEqualTo(400);
				}
				else {
					assertThat(response.getStatus()).as(path + "?" + parameter + "=" + value).isEqualTo(200);
					assertThat(response.getContentAsString(StandardCharsets.UTF_8)).doesNotContain("Stark Industries");
				}
			}
			int page = mvc.perform(get("/companies").queryParam(parameter, value).with(admin())).andReturn().getResponse().getStatus();
			assertThat(page).isIn(200, 400);
		}
		assertThat(snapshot()).isEqualTo(before);
	}

	@ParameterizedTest
	@MethodSource("hostile")
	void importFilesWithHostileValuesAreRefusedOrStoredLiterally(String value) throws Exception {
		String escaped = jsonEscape(value);
		String asName = "{\"DATA\":[{\"COMPANY\":\"" + escaped + "\",\"COMPANY_CEO\":\"c\",\"BUSINESS_TYPE\":\"t\",\"FINANCE\":[]}]}";
		int status = mvc.perform(post("/api/v1/finance/import").with(admin()).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content(asName)).andReturn().getResponse().getStatus();
		assertThat(status).isIn(200, 400);
		if (status == 200) {
			assertThat(companies.find(new CompanyFilter(value, null), org.springframework.data.domain.Pageable.unpaged()))
				.extracting(CompanyResponse::name).contains(value);
		}
		String before = snapshot();
		for (String numberSlot : List.of("\"YEAR\":\"" + escaped + "\"", "\"YEAR\":2018,\"Q1_EARNINGS\":\"" + escaped + "\"")) {
			String body = "{\"DATA\":[{\"COMPANY\":\"Stark Industries\",\"COMPANY_CEO\":\"" + escaped
					+ "\",\"BUSINESS_TYPE\":\"t\",\"FINANCE\":[{" + numberSlot + "}]}]}";
			int refused = mvc.perform(post("/api/v1/finance/import").with(admin()).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse().getStatus();
			assertThat(refused).as(body).isEqualTo(400);
			assertThat(snapshot()).isEqualTo(before);
		}
	}

	/** Everything a client can read about the data, to compare before and after. */
	private String snapshot() throws Exception {
		String list = mvc.perform(get("/api/v1/companies?size=100").with(admin())).andReturn().getResponse().getContentAsString();
		String finances = mvc.perform(get("/api/v1/companies/{id}/finances", stark).with(admin())).andReturn().getResponse().getContentAsString();
		return list + finances;
	}

	private String jsonEscape(String value) {
		String quoted = json.writeValueAsString(value);
		return quoted.substring(1, quoted.length() - 1);
	}

	private static RequestPostProcessor admin() {
		return user("admin").roles("USER", "ADMIN");
	}

}
