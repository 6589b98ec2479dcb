package dev.tower.finance;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.tower.TowerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@TowerTest
class FinanceImportTests {

	/** The original blog's example, Stark Industries and WayneCorp. */
	static final String ORIGINAL = """
			{"DATA": [
			  {"BUSINESS_TYPE": "Manufacturing", "COMPANY": "Stark Industries", "COMPANY_CEO": "Pepper Potts",
			   "FINANCE": [
			     {"Q1_EARNINGS": 7825000000.0, "Q2_EARNINGS": 7825000000.0, "Q3_EARNINGS": 7825000000.0, "Q4_EARNINGS": 7825000000.0, "YEAR": 2018},
			     {"Q1_EARNINGS": 7825000000.0, "Q2_EARNINGS": 7825000000.0, "Q3_EARNINGS": 7825000000.0, "Q4_EARNINGS": 7825000000.0, "YEAR": 2017}]},
			  {"BUSINESS_TYPE": "Multinational Conglomerate", "COMPANY": "WayneCorp", "COMPANY_CEO": "Bruce Wayne",
			   "FINANCE": [
			     {"Q1_EARNINGS": 1.5, "Q2_EARNINGS": 2.5, "Q3_EARNINGS": null, "YEAR": 2018}]}
			]}""";

	@Autowired
	FinanceImport financeImport;

	@Autowired
	CompanyService companies;

	@Autowired
	MockMvc mvc;

	@Test
	void importsTheOriginalShape() {
		ImportSummary summary = financeImport.importJson(json(ORIGINAL));

		assertThat(summary).isEqualTo(new ImportSummary(2, 0, 3, 0));
		long stark = companyId("Stark Industries");
		assertThat(companies.get(stark).ceo()).isEqualTo("Pepper Potts");
		assertThat(companies.finances(stark, null)).extracting(FinanceYearResponse::year).containsExactly(2017, 2018);
		var wayne2018 = companies.finances(companyId("WayneCorp"), 2018).get(0);
		assertThat(wayne2018.q3()).isNull();
		assertThat(wayne2018.total()).isEqualByComparingTo("4.0");
	}

	@Test
	void reimportingUpdatesInPlaceInsteadOfDuplicating() {
		financeImport.importJson(json(ORIGINAL));
		assertThat(companies.get(companyId("Stark Industries")).ceo()).isEqualTo("Pepper Potts");
		ImportSummary again = financeImport.importJson(json(ORIGINAL.replace("Pepper Potts", "Tony Stark").replace("1.5", "9.5")));

		assertThat(again).isEqualTo(new ImportSummary(0, 2, 0, 3));
		assertThat(companyCount()).isEqualTo(2);
		assertThat(companies.get(companyId("Stark Industries")).ceo()).isEqualTo("Tony Stark");
		assertThat(companies.finances(companyId("WayneCorp"), 2018).get(0).q1()).isEqualByComparingTo("9.5");
	}

	@Test
	void rejectsAMalformedFileWholeWithTheReason() {
		financeImport.importJson(json(ORIGINAL));
		String secondCompanyBroken = ORIGINAL.replace("Pepper Potts", "Somebody Else").replace("\"YEAR\": 2018}]}", "\"YEAR\": 3018}]}");

		assertThatThrownBy(() -> financeImport.importJson(json(secondCompanyBroken)))
			.isInstanceOf(MalformedImportException.class)
			.hasMessageContaining("DATA[1].FINANCE[0].YEAR must be less than or equal to 2100");
		assertThat(companies.get(companyId("Stark Industries")).ceo()).as("nothing half-written").isEqualTo("Pepper Potts");
	}

	@Test
	void explainsEachKindOfMistake() {
		assertRejected("", "empty");
		assertRejected("{\"DATA\": [", "not the expected JSON");
		assertRejected("[]", "not the expected JSON");
		assertRejected("{\"data\": []}", "data");
		assertRejected("{\"DATA\": [{\"COMPANY\": \"X\", \"COMPANY_CEO\": \"Y\", \"BUSINESS_TYPE\": \"Z\", \"FINANCE\": [{\"YEAR\": \"soon\"}]}]}", "YEAR");
		assertRejected("{\"DATA\": [{\"COMPANY\": \"\", \"COMPANY_CEO\": \"Y\", \"BUSINESS_TYPE\": \"Z\", \"FINANCE\": []}]}", "DATA[0].COMPANY must not be blank");
		assertRejected("{\"DATA\": [{\"COMPANY\": \"X\", \"COMPANY_CEO\": \"Y\", \"BUSINESS_TYPE\": \"Z\", \"FINANCE\": [{\"YEAR\": 2020, \"Q1_EARNINGS\": 1e30}]}]}", "Q1_EARNINGS");
		assertRejected("{\"DATA\": [{\"COMPANY\": \"X\", \"COMPANY_CEO\": \"Y\", \"BUSINESS_TYPE\": \"Z\", \"FINANCE\": [{\"YEAR\": 2020}, {\"YEAR\": 2020}]}]}", "year 2020 appears twice");
		assertRejected("{\"DATA\": [{\"COMPANY\": \"X\", \"COMPANY_CEO\": \"Y\", \"BUSINESS_TYPE\": \"Z\", \"FINANCE\": []},"
				+ "{\"COMPANY\": \"X\", \"COMPANY_CEO\": \"Y\", \"BUSINESS_TYPE\": \"Z\", \"FINANCE\": []}]}", "appears twice in the file");
		assertRejected("{\"DATA\": [], \"DATA\": []}", "Duplicate Object property \"DATA\"");
		assertThat(companyCount()).isZero();
	}

	@Test
	void importsAFileFromDiskAndRefusesWhatIsNotOne(@TempDir Path dir) throws Exception {
		Path file = Files.writeString(dir.resolve("companies.json"), ORIGINAL);
		assertThat(financeImport.importFile(file).companiesCreated()).isEqualTo(2);
		assertThatThrownBy(() -> financeImport.importFile(dir.resolve("missing.json")))
			.isInstanceOf(MalformedImportException.class).hasMessageContaining("is not a file");
	}

	@Test
	void adminsImportOverTheApiAndAMalformedBodyIsA400() throws Exception {
		mvc.perform(post("/api/v1/finance/import").with(user("admin").roles("ADMIN")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content(ORIGINAL))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.companiesCreated").value(2));
		mvc.perform(post("/api/v1/finance/import").with(user("admin").roles("ADMIN")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"DATA\": 5}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("Nothing was imported")));
		mvc.perform(post("/api/v1/finance/import").with(user("reader")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content(ORIGINAL))
			.andExpect(status().isForbidden());
	}

	@Test
	void refusesOversizedImportsWithoutReadingThemWhole() throws Exception {
		mvc.perform(post("/api/v1/finance/import").with(user("admin").roles("ADMIN")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content(new byte[(int) FinanceImport.MAX_BYTES + 1]))
			.andExpect(status().isPayloadTooLarge())
			.andExpect(jsonPath("$.detail").value("An import may be at most 16 MB."));
		// A body without a declared length (chunked) is cut off at the same limit while it streams.
		var endless = new java.io.InputStream() {
			@Override
			public int read() {
				return ' ';
			}
		};
		assertThatThrownBy(() -> financeImport.importJson(new BoundedInputStream(endless, 1024)))
			.isInstanceOf(MalformedImportException.class).hasMessageContaining("larger than");
	}

	@Test
	void adminsUploadAFileFromThePage() throws Exception {
		mvc.perform(multipart("/admin/import").file(new MockMultipartFile("file", "companies.json", "application/json", ORIGINAL.getBytes()))
			.with(user("admin").roles("ADMIN")).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("summary", new ImportSummary(2, 0, 3, 0)));
		mvc.perform(multipart("/admin/import").file(new MockMultipartFile("file", "broken.json", "application/json", "{".getBytes()))
			.with(user("admin").roles("ADMIN")).with(csrf()))
			.andExpect(flash().attribute("error", containsString("Nothing was imported from broken.json")));
		assertThat(companyCount()).isEqualTo(2);
	}

	private void assertRejected(String body, String reason) {
		assertThatThrownBy(() -> financeImport.importJson(json(body)))
			.isInstanceOf(MalformedImportException.class)
			.hasMessageContaining(reason);
	}

	private long companyId(String name) {
		return companies.find(new CompanyFilter(name, null), Pageable.unpaged()).getContent().get(0).id();
	}

	private long companyCount() {
		return companies.find(CompanyFilter.NONE, Pageable.unpaged()).getTotalElements();
	}

	private static ByteArrayInputStream json(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

}
