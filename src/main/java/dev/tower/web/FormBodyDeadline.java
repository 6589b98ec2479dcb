package dev.tower.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Form bodies (the login form, every page's form) are read here, before anything else looks at them, within a total
 * deadline and by a few request threads at a time. Tomcat's connection timeout applies to each read, so a client
 * sending one byte every few seconds would otherwise hold a request thread for as long as it likes, and a handful of
 * them would hold all of them: health checks, pages and the API stopped answering. Here such a client is cut off at
 * the deadline with a 408, and while the body readers are all busy further form posts get a 503 at once, leaving the
 * other threads to everything else.
 */
@Component
@ConditionalOnWebApplication
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class FormBodyDeadline extends OncePerRequestFilter implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

	/** Marks a request whose body was refused, for {@link DropRefusedBody}. */
	private static final String REFUSED = FormBodyDeadline.class.getName() + ".refused";

	private final long deadlineNanos;

	private final long maxSize;

	private final Semaphore readers;

	FormBodyDeadline(@Value("${tower.form-body-deadline:10s}") Duration deadline,
			@Value("${server.tomcat.max-http-form-post-size:2MB}") DataSize maxSize,
			@Value("${server.tomcat.threads.max:200}") int threads) {
		this.deadlineNanos = deadline.toNanos();
		this.maxSize = maxSize.toBytes();
		this.readers = new Semaphore(Math.max(1, threads / 2));
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !HttpMethod.POST.matches(request.getMethod()) || request.getContentType() == null
				|| !request.getContentType().toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > maxSize) {
			refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, "The form is larger than allowed.");
			return;
		}
		if (!readers.tryAcquire()) {
			response.setHeader(HttpHeaders.RETRY_AFTER, "5");
			refuse(request, response, HttpStatus.SERVICE_UNAVAILABLE, "Too many forms are arriving slowly: try again in a few seconds.");
			return;
		}
		byte[] body;
		try {
			body = read(request.getInputStream(), System.nanoTime() + deadlineNanos);
		}
		catch (TooSlow ex) {
			refuse(request, response, HttpStatus.REQUEST_TIMEOUT, "The form arrived too slowly.");
			return;
		}
		catch (TooLarge ex) {
			refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, "The form is larger than allowed.");
			return;
		}
		finally {
			readers.release();
		}
		ReadForm form;
		try {
			form = new ReadForm(request, body);
		}
		catch (IllegalArgumentException ex) {
			refuse(request, response, HttpStatus.BAD_REQUEST, "The form's fields must be percent-encoded.");
			return;
		}
		chain.doFilter(form, response);
	}

	private byte[] read(InputStream in, long deadline) throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		for (int n; (n = in.read(buffer)) >= 0;) {
			body.write(buffer, 0, n);
			if (body.size() > maxSize) {
				throw new TooLarge();
			}
			if (System.nanoTime() - deadline > 0) {
				throw new TooSlow();
			}
		}
		return body.toByteArray();
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addContextValves(new DropRefusedBody());
	}

	/** Answered here, without the error page's dispatch through the whole application: under attack these are many. */
	private static void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
			throws IOException {
		request.setAttribute(REFUSED, true);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"%s\",\"status\":%d,\"detail\":\"%s\"}"
			.formatted(status.getReasonPhrase(), status.value(), detail));
	}

	/**
	 * Tomcat closes the connection after these answers, but first reads the rest of the body, so that the client
	 * sees the answer: a byte every few seconds, for as long as the client likes, on a request thread. Told that the
	 * body is abandoned, it closes at once.
	 */
	private static final class DropRefusedBody extends ValveBase {

		DropRefusedBody() {
			super(true);
		}

		@Override
		public void invoke(Request request, Response response) throws IOException, ServletException {
			getNext().invoke(request, response);
			if (request.getAttribute(REFUSED) != null) {
				request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
			}
		}

	}

	private static final class TooSlow extends IOException {

	}

	private static final class TooLarge extends IOException {

	}

	/** The request with its form read: parameters from the query string (Tomcat's) and then the body. */
	private static final class ReadForm extends HttpServletRequestWrapper {

		private final byte[] body;

		private final Map<String, String[]> parameters;

		ReadForm(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
			Charset charset = request.getCharacterEncoding() == null ? StandardCharsets.UTF_8
					: Charset.forName(request.getCharacterEncoding());
			// Tomcat leaves the body alone once the stream has been read: this is the query string's parameters.
			Map<String, List<String>> all = new LinkedHashMap<>();
			request.getParameterMap().forEach((name, values) -> all.computeIfAbsent(name, n -> new ArrayList<>()).addAll(List.of(values)));
			for (String pair : new String(body, StandardCharsets.ISO_8859_1).split("&")) {
				if (!pair.isEmpty()) {
					int equals = pair.indexOf('=');
					String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), charset);
					String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), charset);
					all.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
				}
			}
			Map<String, String[]> parameters = new LinkedHashMap<>();
			all.forEach((name, values) -> parameters.put(name, values.toArray(String[]::new)));
			this.parameters = Collections.unmodifiableMap(parameters);
		}

		@Override
		public String getParameter(String name) {
			String[] values = parameters.get(name);
			return values == null ? null : values[0];
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return parameters;
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.enumeration(parameters.keySet());
		}

		@Override
		public String[] getParameterValues(String name) {
			return parameters.get(name);
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("the form has been read already");
				}

			};
		}

	}

}
