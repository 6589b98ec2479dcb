package dev.tower.finance;

import java.math.BigDecimal;
import java.util.List;

/** Every (filtered) company's earnings in one year, biggest first, and the years one could pick instead. */
record EarningsComparison(Integer year, List<Integer> years, List<CompanyEarnings> companies) {

	record CompanyEarnings(long id, String name, String businessType, BigDecimal q1, BigDecimal q2, BigDecimal q3,
			BigDecimal q4, BigDecimal total) {

		static CompanyEarnings of(QuarterlyEarnings row) {
			Company c = row.getCompany();
			Quarters q = row.quarters();
			return new CompanyEarnings(c.getId(), c.getName(), c.getBusinessType(), q.q1(), q.q2(), q.q3(), q.q4(),
					q.total());
		}

	}

}
