package dev.tower.finance;

import java.math.BigDecimal;

import dev.tower.TowerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The original Flask app's api_1_0 routes answer exactly as they did, minus its 500s. */
@TowerTest
class LegacyApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	CompanyService companies;

	long wayne;

	@BeforeEach
	void waynecorp() {
		wayne = companies.create(new CompanyRequest("WayneCorp", "Bruce Wayne", "Multinational Conglomerate")).id();
		BigDecimal q = new BigDecimal("7825000000.0");
		companies.record(wayne, 2018, new Quarters(q, q, q, q));
	}

	@Test
	void getCompanyAnswersTheOriginalEnvelopeExactly() throws Exception {
		mvc.perform(get("/api_1_0/get_company/{id}", wayne).with(user("reader")))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("application/json"))
			.andExpect(content().json("""
					{"status": 200, "success": true, "message": "Welcome to the API :)",
					 "contentType": "application/json",
					 "content": {"name": "WayneCorp", "ceo_name": "Bruce Wayne", "business type": "Multinational Conglomerate"}}
					""", JsonCompareMode.STRICT))
			.andExpect(content().string(org.hamcrest.Matchers.startsWith("{\"status\":200,\"success\":true,\"message\"")));
	}

	@Test
	void getFinancesAnswersTheQuartersOfOneYear() throws Exception {
		mvc.perform(get("/api_1_0/get_finances/{id}/2018", wayne).with(user("reader")))
			.andExpect(status().isOk())
			.andExpect(content().json("""
					{"status": 200, "success": true, "message": "Welcome to the API :)", "contentType": "application/json",
					 "content": {"company": "WayneCorp", "year": 2018, "q1_earnings": 7825000000.0,
					   "q2_earnings": 7825000000.0, "q3_earnings": 7825000000.0, "q4_earnings": 7825000000.0}}
					""", JsonCompareMode.STRICT));
	}

	@Test
	void unknownIdsAre404sInTheSameEnvelopeNot500s() throws Exception {
		mvc.perform(get("/api_1_0/get_company/424242").with(user("reader")))
			.andExpect(status().isNotFound())
			.andExpect(content().json("""
					{"status": 404, "success": false, "message": "No company with id 424242.",
					 "contentType": "application/json", "content": null}
					""", JsonCompareMode.STRICT));
		mvc.perform(get("/api_1_0/get_finances/{id}/1999", wayne).with(user("reader")))
			.andExpect(status().isNotFound())
			.andExpect(content().json("{\"status\": 404, \"success\": false}"));
		mvc.perform(get("/api_1_0/get_company/1 OR 1=1").with(user("reader")))
			.andExpect(status().isBadRequest())
			.andExpect(content().json("{\"status\": 400, \"success\": false, \"message\": \"The company id must be a positive whole number.\"}"));
	}

	@Test
	void requiresSignInLikeTheOriginalsLoginRequired() throws Exception {
		mvc.perform(get("/api_1_0/get_company/{id}", wayne))
			.andExpect(status().isUnauthorized())
			.andExpect(content().json("{\"status\": 401, \"success\": false, \"content\": null}"));
	}

}
