package dev.tower.finance;

import java.util.ArrayList;
import java.util.Collections;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The Finance board's pages; the charts on them are React islands fed by the JSON API. */
@Controller
@RequestMapping("/companies")
class CompanyPagesController {

	static final int PAGE_SIZE = 20;

	private final CompanyService companies;

	CompanyPagesController(CompanyService companies) {
		this.companies = companies;
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "") @Size(max = 140) @Pattern(regexp = Text.PRINTABLE, message = Text.PRINTABLE_MESSAGE) String name,
			@RequestParam(defaultValue = "") @Size(max = 140) @Pattern(regexp = Text.PRINTABLE, message = Text.PRINTABLE_MESSAGE) String businessType,
			@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page, Model model) {
		var filter = new CompanyFilter(name, businessType);
		model.addAttribute("companies",
				PageResponse.of(companies.find(filter, PageRequest.of(page, PAGE_SIZE, CompanyApiController.parseSort("name")))));
		model.addAttribute("businessTypes", companies.businessTypes());
		model.addAttribute("name", name);
		model.addAttribute("businessType", businessType);
		return "finance/companies";
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Model model) {
		var finances = companies.finances(id, null);
		model.addAttribute("company", companies.get(id));
		model.addAttribute("finances", finances);
		var newestFirst = new ArrayList<>(finances);
		Collections.reverse(newestFirst);
		model.addAttribute("newestFirst", newestFirst);
		model.addAttribute("latestYear", finances.isEmpty() ? null : finances.get(finances.size() - 1).year());
		return "finance/company";
	}

}
