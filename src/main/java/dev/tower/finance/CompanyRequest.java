package dev.tower.finance;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a client may set on a company: nothing else (no id, no timestamps) can be bound. */
record CompanyRequest(
		@NotBlank @Size(max = 140) @Pattern(regexp = Text.PRINTABLE, message = Text.PRINTABLE_MESSAGE) String name,
		@NotBlank @Size(max = 140) @Pattern(regexp = Text.PRINTABLE, message = Text.PRINTABLE_MESSAGE) String ceo,
		@NotBlank @Size(max = 140) @Pattern(regexp = Text.PRINTABLE, message = Text.PRINTABLE_MESSAGE) String businessType) {

	CompanyRequest stripped() {
		return new CompanyRequest(name.strip(), ceo.strip(), businessType.strip());
	}

}
