package dev.tower.finance;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The original's import shape, key for key:
 * {@code {"DATA": [{"COMPANY", "COMPANY_CEO", "BUSINESS_TYPE", "FINANCE": [{"YEAR", "Q1_EARNINGS", ...}]}]}}.
 */
record ImportDocument(@JsonProperty("DATA") @NotNull @Size(max = 10_000) List<@NotNull @Valid Entry> data) {

	record Entry(
			@JsonProperty("COMPANY") @NotBlank @Size(max = 140) @Pattern(regexp = Text.PRINTABLE, message = Text.PRINTABLE_MESSAGE) String company,
			@JsonProperty("COMPANY_CEO") @NotBlank @Size(max = 140) @Pattern(regexp = Text.PRINTABLE, message = Text.PRINTABLE_MESSAGE) String ceo,
			@JsonProperty("BUSINESS_TYPE") @NotBlank @Size(max = 140) @Pattern(regexp = Text.PRINTABLE, message = Text.PRINTABLE_MESSAGE) String businessType,
			@JsonProperty("FINANCE") @NotNull @Size(max = 500) List<@NotNull @Valid Year> finance) {
	}

	record Year(
			@JsonProperty("YEAR") @NotNull @Min(1900) @Max(2100) Integer year,
			@JsonProperty("Q1_EARNINGS") @Digits(integer = 17, fraction = 2) BigDecimal q1,
			@JsonProperty("Q2_EARNINGS") @Digits(integer = 17, fraction = 2) BigDecimal q2,
			@JsonProperty("Q3_EARNINGS") @Digits(integer = 17, fraction = 2) BigDecimal q3,
			@JsonProperty("Q4_EARNINGS") @Digits(integer = 17, fraction = 2) BigDecimal q4) {

		Quarters quarters() {
			return new Quarters(q1, q2, q3, q4);
		}

	}

}
