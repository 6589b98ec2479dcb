package dev.tower.web;

import java.io.IOException;

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
 * such as the session's or the token check) answers 503 with {@code Retry-After} at once, a short page for browsers
 * and a problem document for everyone else. It answers here rather than through the error page, which would need
 * the same session store that just failed.
 */
class OutageFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(OutageFilter.class);

	private static final String PAGE = """
			<!DOCTYPE html>
			<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
			<title>503 Service Unavailable · Tower</title><link rel="stylesheet" href="/webjars/bootstrap/css/bootstrap.min.css"></head>
			<body><main class="container py-5 text-center">
			<div class="display-1 fw-bold text-secondary opacity-50">503</div>
			<h1 class="h3 mb-3">Tower is unavailable for a moment</h1>
			<p class="text-secondary mb-4">%s</p>
			<a class="btn btn-primary" href="%s">Try again</a>
			</main></body></html>
			""";

	private final JsonMapper json;

	OutageFilter(JsonMapper json) {
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | RuntimeException ex) {
			if (!Outages.isOutage(ex) || response.isCommitted()) {
				throw ex;
			}
			log.warn("{} {} answered 503: {}", request.getMethod(), request.getRequestURI(), Outages.cause(ex));
			response.reset();
			response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Outages.RETRY_AFTER.toSeconds()));
			response.setCharacterEncoding("UTF-8");
			if (wantsPage(request)) {
				response.setContentType(MediaType.TEXT_HTML_VALUE);
				response.getWriter().write(PAGE.formatted(HtmlUtils.htmlEscape(Outages.DETAIL),
						HtmlUtils.htmlEscape(request.getRequestURI())));
			}
			else {
				response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
				ProblemDetail problem = Outages.problem();
				problem.setInstance(UriComponentsBuilder.fromPath(request.getRequestURI()).build().toUri());
				json.writeValue(response.getWriter(), problem);
			}
		}
	}

	private static boolean wantsPage(HttpServletRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		return accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
	}

}
