package dev.tower.finance;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/earnings")
@Tag(name = "Earnings", description = "Earnings compared across companies")
class EarningsApiController {

	private final EarningsService earnings;

	EarningsApiController(EarningsService earnings) {
		this.earnings = earnings;
	}

	@GetMapping
	@Operation(summary = "Each company's quarterly earnings in one year (default: the latest), biggest first")
	EarningsComparison compare(@RequestParam(required = false) @Min(1900) @Max(2100) Integer year,
			@RequestParam(required = false) @Size(max = 140) @Pattern(regexp = Text.PRINTABLE, message = Text.PRINTABLE_MESSAGE) String name,
			@RequestParam(required = false) @Size(max = 140) @Pattern(regexp = Text.PRINTABLE, message = Text.PRINTABLE_MESSAGE) String businessType) {
		return earnings.compare(year, new CompanyFilter(name, businessType));
	}

	@GetMapping("/totals")
	@Operation(summary = "Total earnings of all companies per year")
	List<YearTotal> totals() {
		return earnings.totalsByYear();
	}

}
