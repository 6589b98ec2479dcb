package dev.tower.finance;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The admin form for a company; the same rules as the API's {@link CompanyRequest}. */
class CompanyForm {

	@NotBlank
	@Size(max = 140)
	@Pattern(regexp = Text.PRINTABLE, message = Text.PRINTABLE_MESSAGE)
	private String name = "";

	@NotBlank
	@Size(max = 140)
	@Pattern(regexp = Text.PRINTABLE, message = Text.PRINTABLE_MESSAGE)
	private String ceo = "";

	@NotBlank
	@Size(max = 140)
	@Pattern(regexp = Text.PRINTABLE, message = Text.PRINTABLE_MESSAGE)
	private String businessType = "";

	static CompanyForm of(CompanyResponse company) {
		CompanyForm form = new CompanyForm();
		form.name = company.name();
		form.ceo = company.ceo();
		form.businessType = company.businessType();
		return form;
	}

	CompanyRequest request() {
		return new CompanyRequest(name, ceo, businessType);
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getCeo() {
		return ceo;
	}

	public void setCeo(String ceo) {
		this.ceo = ceo;
	}

	public String getBusinessType() {
		return businessType;
	}

	public void setBusinessType(String businessType) {
		this.businessType = businessType;
	}

}
