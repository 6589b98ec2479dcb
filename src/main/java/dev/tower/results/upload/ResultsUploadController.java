package dev.tower.results.upload;

import java.io.IOException;
import java.security.Principal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.tower.results.ingest.FileOutcome;
import dev.tower.results.ingest.InvalidRunException;
import dev.tower.results.ingest.RunInfo;
import dev.tower.results.report.MalformedReportException;

/**
 * Test machines push their reports here instead of opening the database to each of them. The body is the
 * report itself (XML, gzip or zip); the run is described by query parameters, so a client streams a file with
 * {@code curl --data-binary @TEST-x.xml}.
 */
@RestController
@Tag(name = "Results")
class ResultsUploadController {

	private final Uploads uploads;

	ResultsUploadController(Uploads uploads) {
		this.uploads = uploads;
	}

	/** Form-encoded bodies are refused: the servlet container would parse a report as form fields. */
	@PostMapping(path = "/api/v1/results", consumes = { "application/xml", "text/xml", "application/gzip",
			"application/x-gzip", "application/zip", "application/octet-stream" })
	@Operation(summary = "Upload JUnit XML (one report, .gz or .zip of reports) into a run; needs a token with the upload scope")
	ResponseEntity<UploadResponse> upload(@RequestParam String run, @RequestParam(required = false) String owner,
			@RequestParam(required = false) String site, @RequestParam(required = false) String host,
			@RequestParam(required = false) String runTag, @RequestParam(required = false) String userTag,
			@RequestParam(required = false) String runDir, @RequestParam(defaultValue = "upload.xml") String file,
			HttpServletRequest request, Principal principal) throws IOException {
		if (file.chars().anyMatch(Character::isISOControl)) {
			// Would forge lines in plain-text logs, and PostgreSQL refuses a NUL in text anyway.
			throw problem(HttpStatus.BAD_REQUEST, "Nothing was stored: the file name contains control characters.", null);
		}
		RunInfo info;
		try {
			info = new RunInfo(run, owner == null ? principal.getName() : owner, site == null ? "default" : site,
					host == null ? request.getRemoteAddr() : host, runTag, userTag, runDir);
		}
		catch (InvalidRunException ex) {
			throw problem(HttpStatus.BAD_REQUEST, "Nothing was stored: " + ex.getMessage() + ".", ex);
		}
		UploadResponse response;
		try {
			response = uploads.receive(request.getInputStream(), request.getContentLengthLong(), file.length() > 1000 ? file.substring(0, 1000) : file, info);
		}
		catch (MalformedReportException ex) {
			throw problem(HttpStatus.BAD_REQUEST, "Nothing was stored: " + ex.getMessage(), ex);
		}
		boolean stored = response.files().stream().anyMatch(f -> f.status() != FileOutcome.Status.REJECTED);
		if (!stored) {
			throw problem(HttpStatus.UNPROCESSABLE_CONTENT,
					"Nothing was stored: " + response.files().get(0).file() + ": " + response.files().get(0).reason(), null);
		}
		return ResponseEntity.ok(response);
	}

	private static ErrorResponseException problem(HttpStatus status, String detail, Throwable cause) {
		return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), cause);
	}

}
