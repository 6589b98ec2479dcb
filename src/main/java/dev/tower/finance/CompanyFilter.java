package dev.tower.finance;

import java.util.Locale;

import org.springframework.data.jpa.domain.Specification;

/**
 * Name contains (case-insensitive, wildcards taken literally) and business type equals (case-insensitive);
 * blank means no filter.
 */
record CompanyFilter(String name, String businessType) {

	static final CompanyFilter NONE = new CompanyFilter(null, null);

	Specification<Company> specification() {
		Specification<Company> spec = Specification.unrestricted();
		if (name != null && !name.isBlank()) {
			String pattern = "%" + escapeLike(name.strip().toLowerCase(Locale.ROOT)) + "%";
			spec = spec.and((root, query, cb) -> cb.like(cb.lower(root.get("name")), pattern, '\\'));
		}
		if (businessType != null && !businessType.isBlank()) {
			String type = businessType.strip().toLowerCase(Locale.ROOT);
			spec = spec.and((root, query, cb) -> cb.equal(cb.lower(root.get("businessType")), type));
		}
		return spec;
	}

	boolean matches(Company company) {
		boolean nameOk = name == null || name.isBlank()
				|| company.getName().toLowerCase(Locale.ROOT).contains(name.strip().toLowerCase(Locale.ROOT));
		boolean typeOk = businessType == null || businessType.isBlank()
				|| company.getBusinessType().equalsIgnoreCase(businessType.strip());
		return nameOk && typeOk;
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
