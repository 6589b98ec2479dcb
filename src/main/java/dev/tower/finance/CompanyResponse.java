package dev.tower.finance;

record CompanyResponse(long id, String name, String ceo, String businessType) {

	static CompanyResponse of(Company company) {
		return new CompanyResponse(company.getId(), company.getName(), company.getCeo(), company.getBusinessType());
	}

}
