package dev.tower.results.failures;

import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** A failure group's page: what it is, the tests it hits and the runs it failed in. */
@Controller
class FailureGroupPages {

	private static final Pattern ID = Pattern.compile("[0-9a-f]{16}");

	private final FailureGroups groups;

	FailureGroupPages(FailureGroups groups) {
		this.groups = groups;
	}

	@GetMapping("/results/failure-groups/{id}")
	String group(@PathVariable String id, Model model) {
		model.addAttribute("detail", groups.group(fingerprint(id), 100).orElseThrow(() -> notFound("failure group " + id)));
		return "results/failure-group";
	}

	/** A group's id as in its address; anything else names no group. */
	static long fingerprint(String id) {
		if (!ID.matcher(id).matches()) {
			throw notFound("failure group " + id);
		}
		return Long.parseUnsignedLong(id, 16);
	}

	static ResponseStatusException notFound(String what) {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "No " + what + ".");
	}

}
