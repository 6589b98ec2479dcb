package dev.tower.finance;

import java.io.Serializable;

record CompanyResponse(long id, String name, String ceo, String businessType) implements Serializable {

	static CompanyResponse of(Company company) {
		return new CompanyResponse(company.getId(), company.getName(), company.getCeo(), company.getBusinessType());
	}

}
