package dev.tower.finance;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The original {@code api_1_0} blueprint, kept for its clients with its exact envelope. Unlike the original,
 * an unknown id is a 404 in the same envelope (it was a 500), and no error shows a stack trace.
 */
@RestController
@RequestMapping(path = "/api_1_0", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Compatibility", description = "The original Flask app's api_1_0 routes and envelope")
class LegacyApiController {

	private static final Logger log = LoggerFactory.getLogger(LegacyApiController.class);

	private final CompanyService companies;

	LegacyApiController(CompanyService companies) {
		this.companies = companies;
	}

	@GetMapping("/get_company/{id}")
	@Operation(summary = "{name, ceo_name, business type} in the original envelope")
	ResponseEntity<Envelope> company(@PathVariable String id) {
		CompanyResponse company = companies.get(parseId(id, "company id"));
		Map<String, Object> content = new LinkedHashMap<>();
		content.put("name", company.name());
		content.put("ceo_name", company.ceo());
		content.put("business type", company.businessType());
		return ResponseEntity.ok(Envelope.success(content));
	}

	@GetMapping("/get_finances/{companyId}/{year}")
	@Operation(summary = "One year's q1_earnings..q4_earnings in the original envelope")
	ResponseEntity<Envelope> finances(@PathVariable String companyId, @PathVariable String year) {
		long id = parseId(companyId, "company id");
		long fiscalYear = parseId(year, "year");
		CompanyResponse company = companies.get(id);
		var row = companies.finances(id, (int) Math.min(fiscalYear, Integer.MAX_VALUE)).stream().findFirst()
			.orElseThrow(() -> new LegacyNotFound("No finances for company %d in %d".formatted(id, fiscalYear)));
		Map<String, Object> content = new LinkedHashMap<>();
		content.put("company", company.name());
		content.put("year", row.year());
		content.put("q1_earnings", row.q1());
		content.put("q2_earnings", row.q2());
		content.put("q3_earnings", row.q3());
		content.put("q4_earnings", row.q4());
		return ResponseEntity.ok(Envelope.success(content));
	}

	private static long parseId(String value, String what) {
		if (value.length() > 18 || !value.chars().allMatch(Character::isDigit) || value.isEmpty()) {
			throw new LegacyBadRequest("The %s must be a positive whole number.".formatted(what));
		}
		return Long.parseLong(value);
	}

	@ExceptionHandler(CompanyNotFoundException.class)
	ResponseEntity<Envelope> notFound(CompanyNotFoundException ex) {
		return Envelope.failure(HttpStatus.NOT_FOUND, ex.getBody().getDetail());
	}

	@ExceptionHandler(LegacyNotFound.class)
	ResponseEntity<Envelope> notFound(LegacyNotFound ex) {
		return Envelope.failure(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler(LegacyBadRequest.class)
	ResponseEntity<Envelope> badRequest(LegacyBadRequest ex) {
		return Envelope.failure(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Envelope> failure(Exception ex) {
		log.error("api_1_0 request failed", ex);
		return Envelope.failure(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side.");
	}

	/** {"status", "success", "message", "contentType", "content"}, in the original's order. */
	@JsonPropertyOrder({ "status", "success", "message", "contentType", "content" })
	record Envelope(int status, boolean success, String message, String contentType, Object content) {

		static final String WELCOME = "Welcome to the API :)";

		static Envelope success(Object content) {
			return new Envelope(200, true, WELCOME, MediaType.APPLICATION_JSON_VALUE, content);
		}

		static ResponseEntity<Envelope> failure(HttpStatus status, String message) {
			return ResponseEntity.status(status)
				.contentType(MediaType.APPLICATION_JSON)
				.body(new Envelope(status.value(), false, message, MediaType.APPLICATION_JSON_VALUE, null));
		}

	}

	private static class LegacyNotFound extends RuntimeException {

		LegacyNotFound(String message) {
			super(message);
		}

	}

	private static class LegacyBadRequest extends RuntimeException {

		LegacyBadRequest(String message) {
			super(message);
		}

	}

}
