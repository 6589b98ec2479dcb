package dev.tower.finance;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin pages that change companies and their yearly earnings (the URL space is admin-only). */
@Controller
@RequestMapping("/admin/companies")
class CompanyAdminController {

	private static final String COMPANY_FORM = "finance/company-form";

	private static final String EARNINGS_FORM = "finance/earnings-form";

	private final CompanyService companies;

	CompanyAdminController(CompanyService companies) {
		this.companies = companies;
	}

	@GetMapping("/new")
	String newCompany(Model model) {
		model.addAttribute("form", new CompanyForm());
		return COMPANY_FORM;
	}

	@PostMapping
	String create(@Valid @ModelAttribute("form") CompanyForm form, BindingResult result, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return COMPANY_FORM;
		}
		try {
			CompanyResponse created = companies.create(form.request());
			redirect.addFlashAttribute("message", "Created " + created.name() + ".");
			return "redirect:/companies/" + created.id();
		}
		catch (FinanceConflictException ex) {
			result.rejectValue("name", "duplicate", ex.getBody().getDetail());
			return COMPANY_FORM;
		}
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		CompanyResponse company = companies.get(id);
		model.addAttribute("company", company);
		model.addAttribute("form", CompanyForm.of(company));
		return COMPANY_FORM;
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") CompanyForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		model.addAttribute("company", companies.get(id));
		if (result.hasErrors()) {
			return COMPANY_FORM;
		}
		try {
			companies.update(id, form.request());
			redirect.addFlashAttribute("message", "Saved.");
			return "redirect:/companies/" + id;
		}
		catch (FinanceConflictException ex) {
			result.rejectValue("name", "duplicate", ex.getBody().getDetail());
			return COMPANY_FORM;
		}
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		String name = companies.get(id).name();
		companies.delete(id);
		redirect.addFlashAttribute("message", "Deleted " + name + " and its earnings.");
		return "redirect:/companies";
	}

	@GetMapping("/{id}/finances/new")
	String newYear(@PathVariable long id, Model model) {
		model.addAttribute("company", companies.get(id));
		model.addAttribute("form", new EarningsForm());
		return EARNINGS_FORM;
	}

	@GetMapping("/{id}/finances/{year}/edit")
	String editYear(@PathVariable long id, @PathVariable @Min(1900) @Max(2100) int year, Model model) {
		var row = companies.finances(id, year).stream().findFirst()
			.orElseThrow(() -> new CompanyNotFoundException(id));
		model.addAttribute("company", companies.get(id));
		model.addAttribute("form", EarningsForm.of(row));
		model.addAttribute("editing", true);
		return EARNINGS_FORM;
	}

	@PostMapping("/{id}/finances")
	String recordYear(@PathVariable long id, @Valid @ModelAttribute("form") EarningsForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			model.addAttribute("company", companies.get(id));
			return EARNINGS_FORM;
		}
		boolean created = companies.record(id, form.getYear(), form.quarters());
		redirect.addFlashAttribute("message", (created ? "Added " : "Updated ") + form.getYear() + ".");
		return "redirect:/companies/" + id;
	}

	@PostMapping("/{id}/finances/{year}/delete")
	String deleteYear(@PathVariable long id, @PathVariable @Min(1900) @Max(2100) int year, RedirectAttributes redirect) {
		companies.forget(id, year);
		redirect.addFlashAttribute("message", "Deleted " + year + ".");
		return "redirect:/companies/" + id;
	}

}
