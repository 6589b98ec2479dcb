package dev.tower.finance;

import java.io.IOException;
import java.io.InputStream;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Companies")
class FinanceImportApiController {

	private final FinanceImport financeImport;

	FinanceImportApiController(FinanceImport financeImport) {
		this.financeImport = financeImport;
	}

	@PostMapping(path = "/api/v1/finance/import", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Import the original's {\"DATA\": [...]} shape (admin); all or nothing, re-importing updates")
	ImportSummary importJson(HttpServletRequest request) throws IOException {
		if (request.getContentLengthLong() > FinanceImport.MAX_BYTES) {
			throw new ErrorResponseException(HttpStatus.CONTENT_TOO_LARGE, ProblemDetail.forStatusAndDetail(
					HttpStatus.CONTENT_TOO_LARGE, "An import may be at most %d MB.".formatted(FinanceImport.MAX_BYTES >> 20)), null);
		}
		try (InputStream body = new BoundedInputStream(request.getInputStream(), FinanceImport.MAX_BYTES)) {
			return financeImport.importJson(body);
		}
		catch (MalformedImportException ex) {
			throw new ErrorResponseException(HttpStatus.BAD_REQUEST,
					ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Nothing was imported: " + ex.getMessage()), ex);
		}
	}

}
