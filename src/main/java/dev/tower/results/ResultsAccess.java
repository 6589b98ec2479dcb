package dev.tower.results;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

import dev.tower.account.Roles;
import dev.tower.account.TokenScope;
import dev.tower.results.ingest.QueueEntry;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

/**
 * Test machines push their reports with a token of the upload scope, which opens nothing else should it leak from
 * a build log (an api token may upload too, as its account). The rest of the board follows account's rules.
 */
@Configuration(proxyBeanMethods = false)
public class ResultsAccess {

	/** {@code POST /api/v1/results}, and nothing more. */
	public static final TokenScope UPLOAD = TokenScope.only("upload", "upload test results", new OrRequestMatcher(
			pathPattern(HttpMethod.POST, "/api/v1/results"), pathPattern(HttpMethod.POST, "/api/v1/results/")));

	/** Queue entries as {@code request}'s user may see them: where files lie, on which hosts, is for admins. */
	static List<QueueEntry> visible(List<QueueEntry> entries, HttpServletRequest request) {
		return request.isUserInRole(Roles.ADMIN) ? entries : entries.stream().map(QueueEntry::withoutLocations).toList();
	}

	@Bean
	TokenScope uploadScope() {
		return UPLOAD;
	}

}
