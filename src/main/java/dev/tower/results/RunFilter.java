package dev.tower.results;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The runs list's filters; each is optional. {@code tag} matches the run tag or the user tag; dates are whole
 * days in UTC, {@code to} included.
 */
public record RunFilter(String owner, String site, String host, String tag, LocalDate from, LocalDate to) {

	public RunFilter {
		owner = blankToNull(owner);
		site = blankToNull(site);
		host = blankToNull(host);
		tag = blankToNull(tag);
		withinCalendar("from", from);
		withinCalendar("to", to);
	}

	public static RunFilter none() {
		return new RunFilter(null, null, null, null, null, null);
	}

	/** Java's dates run to the year 999,999,999; the database's (and a day after {@code to}) do not. */
	private static void withinCalendar(String name, LocalDate date) {
		if (date != null && (date.getYear() < 1 || date.getYear() > 9999)) {
			throw new ErrorResponseException(HttpStatus.BAD_REQUEST,
					ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, name + " must be a date in the years 1 to 9999."), null);
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	/** " and …" conditions on {@code test_run r}, with their parameters in {@code params}. */
	String where(List<Object> params) {
		StringBuilder sql = new StringBuilder();
		if (owner != null) {
			sql.append(" and r.owner = ?");
			params.add(owner);
		}
		if (site != null) {
			sql.append(" and r.site = ?");
			params.add(site);
		}
		if (host != null) {
			sql.append(" and exists (select 1 from result_file f where f.run_id = r.id and f.host = ?)");
			params.add(host);
		}
		if (tag != null) {
			sql.append(" and (r.run_tag = ? or r.user_tag = ?)");
			params.add(tag);
			params.add(tag);
		}
		if (from != null) {
			sql.append(" and r.started_at >= ?");
			params.add(java.sql.Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant()));
		}
		if (to != null) {
			sql.append(" and r.started_at < ?");
			params.add(java.sql.Timestamp.from(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
		}
		return sql.toString();
	}

	/** The filter as a query string, for links and the trend island. */
	public String query() {
		List<String> parts = new ArrayList<>();
		add(parts, "owner", owner);
		add(parts, "site", site);
		add(parts, "host", host);
		add(parts, "tag", tag);
		add(parts, "from", from == null ? null : from.toString());
		add(parts, "to", to == null ? null : to.toString());
		return String.join("&", parts);
	}

	private static void add(List<String> parts, String name, String value) {
		if (value != null) {
			parts.add(name + "=" + java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
		}
	}

}
