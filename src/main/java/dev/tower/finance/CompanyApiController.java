package dev.tower.finance;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/companies")
@Tag(name = "Companies", description = "Companies and their quarterly earnings per year")
class CompanyApiController {

	/** sort=name | name,asc | businessType,desc …: a closed list, so no client can sort by a column we did not mean. */
	static final String SORT = "(name|ceo|businessType|id)(,(asc|desc))?";

	private final CompanyService companies;

	CompanyApiController(CompanyService companies) {
		this.companies = companies;
	}

	@GetMapping
	@Operation(summary = "Companies, a page at a time, filtered by name (contains) and business type (equals)")
	PageResponse<CompanyResponse> list(@RequestParam(required = false) @Size(max = 140) @Pattern(regexp = Text.PRINTABLE, message = Text.PRINTABLE_MESSAGE) String name,
			@RequestParam(required = false) @Size(max = 140) @Pattern(regexp = Text.PRINTABLE, message = Text.PRINTABLE_MESSAGE) String businessType,
			@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
			@RequestParam(defaultValue = "name") @Pattern(regexp = SORT, message = "must be name, ceo, businessType or id, optionally followed by ,asc or ,desc") String sort) {
		return PageResponse.of(companies.find(new CompanyFilter(name, businessType), PageRequest.of(page, size, parseSort(sort))));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One company")
	CompanyResponse get(@PathVariable long id) {
		return companies.get(id);
	}

	@PostMapping
	@Operation(summary = "Create a company (admin)")
	ResponseEntity<CompanyResponse> create(@Valid @RequestBody CompanyRequest request) {
		CompanyResponse created = companies.create(request);
		return ResponseEntity.created(URI.create("/api/v1/companies/" + created.id())).body(created);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change a company's name, CEO or business type (admin)")
	CompanyResponse update(@PathVariable long id, @Valid @RequestBody CompanyRequest request) {
		return companies.update(id, request);
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete a company and all its earnings (admin)")
	ResponseEntity<Void> delete(@PathVariable long id) {
		companies.delete(id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/finances")
	@Operation(summary = "Quarterly earnings per year, oldest first; ?year= for one year")
	List<FinanceYearResponse> finances(@PathVariable long id,
			@RequestParam(required = false) @Min(1900) @Max(2100) Integer year) {
		return companies.finances(id, year);
	}

	@PutMapping("/{id}/finances/{year}")
	@Operation(summary = "Record or replace one year's quarterly earnings (admin)")
	ResponseEntity<FinanceYearResponse> record(@PathVariable long id, @PathVariable @Min(1900) @Max(2100) int year,
			@Valid @RequestBody QuartersRequest request) {
		boolean created = companies.record(id, year, request.quarters());
		FinanceYearResponse body = companies.finances(id, year).get(0);
		return created ? ResponseEntity.created(URI.create("/api/v1/companies/%d/finances?year=%d".formatted(id, year))).body(body)
				: ResponseEntity.ok(body);
	}

	@DeleteMapping("/{id}/finances/{year}")
	@Operation(summary = "Delete one year's earnings (admin)")
	ResponseEntity<Void> forget(@PathVariable long id, @PathVariable @Min(1900) @Max(2100) int year) {
		return companies.forget(id, year) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
	}

	static Sort parseSort(String sort) {
		String[] parts = sort.split(",");
		Sort.Direction direction = parts.length > 1 && parts[1].equals("desc") ? Sort.Direction.DESC : Sort.Direction.ASC;
		Sort primary = Sort.by(direction, parts[0]);
		return parts[0].equals("id") ? primary : primary.and(Sort.by("id"));
	}

}
