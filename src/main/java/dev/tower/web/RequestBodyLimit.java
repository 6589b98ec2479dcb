package dev.tower.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Caps every request body read into an object ({@code @RequestBody}, JSON), so that a client cannot make the
 * server hold a document of any size in memory. The finance import and the results upload read their bodies as
 * streams, with limits of their own.
 */
@ControllerAdvice
class RequestBodyLimit extends RequestBodyAdviceAdapter {

	private final long limit;

	RequestBodyLimit(@Value("${tower.max-json-body-size:1MB}") DataSize limit) {
		this.limit = limit.toBytes();
	}

	@Override
	public boolean supports(MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public HttpInputMessage beforeBodyRead(HttpInputMessage message, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
		if (message.getHeaders().getContentLength() > limit) {
			throw tooLarge(limit);
		}
		InputStream body = new Limited(message.getBody(), limit);
		return new HttpInputMessage() {

			@Override
			public InputStream getBody() {
				return body;
			}

			@Override
			public HttpHeaders getHeaders() {
				return message.getHeaders();
			}

		};
	}

	static ErrorResponseException tooLarge(long limit) {
		return new ErrorResponseException(HttpStatus.CONTENT_TOO_LARGE, ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
				"A request body may be at most %d KB.".formatted(limit >> 10)), null);
	}

	/** Thrown while reading a body without a length (chunked) once it passes the limit. */
	static final class TooLargeException extends IOException {

		final long limit;

		TooLargeException(long limit) {
			super("request body over " + limit + " bytes");
			this.limit = limit;
		}

	}

	private static final class Limited extends FilterInputStream {

		private final long limit;

		private long read;

		Limited(InputStream in, long limit) {
			super(in);
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			count(b < 0 ? 0 : 1);
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			count(Math.max(n, 0));
			return n;
		}

		private void count(int n) throws TooLargeException {
			read += n;
			if (read > limit) {
				throw new TooLargeException(limit);
			}
		}

	}

}
