package dev.tower.destiny.bungie;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.servlet.view.RedirectView;
import tools.jackson.databind.json.JsonMapper;

import dev.tower.destiny.bungie.BungieException.Kind;

/**
 * What a player sees when Bungie.net fails a page or an API call of the Destiny board: never a 500. Pages get a
 * page in the site's layout (maintenance 503, throttled 429 with {@code Retry-After}, no answer 502), Bungie's
 * refusal of an action as a message on the page they came from, and an expired login a trip to the Bungie login.
 * The API ({@code /api/**}, and JSON handlers) gets the same as RFC 9457 problems. Ordered before
 * {@code ApiProblemHandler}, whose catch-all would otherwise answer 500.
 */
@ConditionalOnWebApplication
@ControllerAdvice(basePackages = "dev.tower.destiny")
@Order(Ordered.HIGHEST_PRECEDENCE)
class BungieErrorAdvice {

	/** Where a player whose Bungie.net login expired logs in again (the login's page says so). */
	static final String LOG_IN_AGAIN = "/destiny/login?expired";

	static final String LOGIN_EXPIRED = "Your Bungie.net login has expired: log in again.";

	private static final Logger log = LoggerFactory.getLogger(BungieErrorAdvice.class);

	private final JsonMapper json;

	BungieErrorAdvice(JsonMapper json) {
		this.json = json;
	}

	@ExceptionHandler(BungieException.class)
	ModelAndView bungieFailed(BungieException ex, HttpServletRequest request, HttpServletResponse response,
			HandlerMethod handler) {
		Trouble trouble = Trouble.of(ex);
		log.info("Bungie.net {} for {} {}: {}", ex.kind(), request.getMethod(), request.getRequestURI(), ex.getMessage());
		if (ex.kind() == Kind.THROTTLED) {
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(trouble.retryAfterSeconds()));
		}
		if (wantsProblem(request, handler)) {
			return problem(trouble, ex, request);
		}
		if (ex.kind() == Kind.UNAUTHORIZED) {
			return redirect(LOG_IN_AGAIN, null, request); // that page says the login expired
		}
		if (ex.kind() == Kind.REFUSED && !"GET".equals(request.getMethod())) {
			return redirect(cameFrom(request), "Bungie.net refused: " + ex.getMessage(), request);
		}
		return page(trouble, ex, request);
	}

	private ModelAndView page(Trouble trouble, BungieException ex, HttpServletRequest request) {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("status", trouble.status().value());
		model.put("headline", trouble.headline());
		model.put("explanation", trouble.explanation());
		model.put("icon", trouble.icon());
		model.put("bungieMessage", ex.errorCode() == 0 ? null : ex.getMessage());
		model.put("errorStatus", ex.errorStatus());
		model.put("retryAfterSeconds", trouble.retryAfterSeconds());
		model.put("retryUrl", "GET".equals(request.getMethod()) ? here(request) : cameFrom(request));
		return new ModelAndView("destiny/bungie-down", model, trouble.status());
	}

	private ModelAndView problem(Trouble trouble, BungieException ex, HttpServletRequest request) {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", trouble.status().getReasonPhrase());
		problem.put("status", trouble.status().value());
		problem.put("detail", trouble.detail(ex));
		problem.put("instance", request.getRequestURI());
		problem.put("bungie", ex.kind().name());
		if (ex.errorStatus() != null) {
			problem.put("errorStatus", ex.errorStatus());
		}
		if (ex.kind() == Kind.THROTTLED) {
			problem.put("retryAfter", trouble.retryAfterSeconds());
		}
		View view = (model, req, res) -> {
			res.setStatus(trouble.status().value());
			res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			json.writeValue(res.getOutputStream(), problem);
		};
		ModelAndView answer = new ModelAndView(view);
		answer.setStatus(trouble.status());
		return answer;
	}

	/** To {@code target} within the application, with {@code message} (if any) shown there as an error. */
	private static ModelAndView redirect(String target, String message, HttpServletRequest request) {
		if (message != null) {
			RequestContextUtils.getOutputFlashMap(request).put("error", message);
		}
		RedirectView view = new RedirectView(target, true);
		view.setExposeModelAttributes(false);
		return new ModelAndView(view);
	}

	/** JSON for the API and for handlers that answer JSON; pages for the rest. */
	private static boolean wantsProblem(HttpServletRequest request, HandlerMethod handler) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/api/") || handler.hasMethodAnnotation(ResponseBody.class)
				|| AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class);
	}

	/** This request's address, within the application. */
	private static String here(HttpServletRequest request) {
		String query = request.getQueryString();
		return request.getRequestURI().substring(request.getContextPath().length()) + (query == null ? "" : "?" + query);
	}

	/** The page of this site the request came from (within the application), or the board: never another site. */
	private static String cameFrom(HttpServletRequest request) {
		String fallback = "/destiny";
		String referer = request.getHeader(HttpHeaders.REFERER);
		if (referer == null) {
			return fallback;
		}
		try {
			URI uri = URI.create(referer);
			boolean sameSite = uri.getHost() == null || uri.getHost().equalsIgnoreCase(request.getServerName());
			String path = uri.getRawPath();
			if (!sameSite || path == null || !path.startsWith(request.getContextPath() + "/") || path.contains("//")) {
				return fallback;
			}
			path = path.substring(request.getContextPath().length());
			return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
		}
		catch (IllegalArgumentException ex) {
			return fallback;
		}
	}

	/** How each kind of failure is told. */
	private record Trouble(HttpStatus status, String headline, String explanation, String icon,
			long retryAfterSeconds) {

		static Trouble of(BungieException ex) {
			long retryAfter = Math.max(1, (ex.retryAfter().toMillis() + 999) / 1000);
			return switch (ex.kind()) {
				case MAINTENANCE -> new Trouble(HttpStatus.SERVICE_UNAVAILABLE, "Bungie.net is down for maintenance",
						"Bungie.net is down for maintenance, so Tower cannot reach your vault and characters right now. "
								+ "Your items are safe; try again once Bungie.net is back.",
						"bi-cone-striped", 0);
				case THROTTLED -> new Trouble(HttpStatus.TOO_MANY_REQUESTS, "Bungie.net asked Tower to slow down",
						"Too many requests reached Bungie.net at once. Nothing was changed; try again in a few seconds.",
						"bi-hourglass-split", retryAfter);
				case UNAVAILABLE -> new Trouble(HttpStatus.BAD_GATEWAY, "Bungie.net did not answer",
						"Bungie.net did not answer in time, or sent something Tower could not read. Try again in a moment.",
						"bi-cloud-slash", 0);
				case REFUSED -> new Trouble(HttpStatus.CONFLICT, "Bungie.net refused",
						"Bungie.net understood the request and said no.", "bi-slash-circle", 0);
				case UNAUTHORIZED -> new Trouble(HttpStatus.UNAUTHORIZED, "Log in to Bungie.net again", LOGIN_EXPIRED,
						"bi-person-lock", 0);
			};
		}

		/** The problem's detail: Bungie's own words where they help the player. */
		String detail(BungieException ex) {
			return switch (ex.kind()) {
				case REFUSED -> ex.getMessage();
				case MAINTENANCE -> "Bungie.net is down for maintenance."
						+ (ex.errorCode() == 0 ? "" : " Bungie.net says: " + ex.getMessage());
				case THROTTLED -> "Bungie.net asked Tower to slow down: try again in " + retryAfterSeconds + " s.";
				default -> explanation;
			};
		}

	}

}
