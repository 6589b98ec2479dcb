package dev.tower.web;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outermost filter: a request that fails because the database or Redis is away (in a page, or in a filter
 * such as the session's or the token check) answers at once (503 with {@code Retry-After}, or 507 for a full disk),
 * a short page for browsers and a problem document for everyone else. It answers here rather than through the error
 * page, which would need the same session store that just failed.
 * <p>
 * A request with a session holds its answer back until the page is whole: the session is saved to Redis as the
 * page is sent, and a page already half on its way could only be cut off. Held back, it is replaced by the 503.
 * Once the whole page is sent, the session's last look at Redis may still fail: the page stands, and only that is
 * logged, rather than breaking off a complete answer.
 */
class OutageFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(OutageFilter.class);

	private static final String PAGE = """
			<!DOCTYPE html>
			<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
			<title>%d %s · Tower</title><link rel="stylesheet" href="/webjars/bootstrap/css/bootstrap.min.css"></head>
			<body><main class="container py-5 text-center">
			<div class="display-1 fw-bold text-secondary opacity-50">%d</div>
			<h1 class="h3 mb-3">%s</h1>
			<p class="text-secondary mb-4">%s</p>
			<a class="btn btn-primary" href="%s">Try again</a>
			</main></body></html>
			""";

	/** Enough for any page; beyond it the answer starts on its way. Streams (NDJSON) flush when they mean to. */
	private static final int SESSION_PAGE_BUFFER = 256 * 1024;

	private final JsonMapper json;

	OutageFilter(JsonMapper json) {
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getRequestedSessionId() != null) {
			response.setBufferSize(SESSION_PAGE_BUFFER);
		}
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | RuntimeException ex) {
			Optional<Outage> outage = Outage.of(ex);
			if (outage.isEmpty()) {
				throw ex;
			}
			if (response.isCommitted()) {
				log.warn("{} {} was answered, then failed: {}", request.getMethod(), request.getRequestURI(), Outage.cause(ex));
				return;
			}
			answer(outage.get(), ex, request, response);
		}
	}

	private void answer(Outage outage, Exception ex, HttpServletRequest request, HttpServletResponse response) throws IOException {
		log.warn("{} {} answered {}: {}", request.getMethod(), request.getRequestURI(), outage.status.value(), Outage.cause(ex));
		response.reset();
		response.setStatus(outage.status.value());
		if (outage.retryAfter != null) {
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(outage.retryAfter.toSeconds()));
		}
		response.setCharacterEncoding("UTF-8");
		if (wantsPage(request)) {
			response.setContentType(MediaType.TEXT_HTML_VALUE);
			response.getWriter().write(PAGE.formatted(outage.status.value(), outage.status.getReasonPhrase(), outage.status.value(),
					outage.heading, HtmlUtils.htmlEscape(outage.detail), HtmlUtils.htmlEscape(request.getRequestURI())));
		}
		else {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			ProblemDetail problem = outage.problem();
			problem.setInstance(UriComponentsBuilder.fromPath(request.getRequestURI()).build().toUri());
			json.writeValue(response.getWriter(), problem);
		}
	}

	private static boolean wantsPage(HttpServletRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		return accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
	}

}
