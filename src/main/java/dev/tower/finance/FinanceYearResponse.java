package dev.tower.finance;

import java.math.BigDecimal;

record FinanceYearResponse(int year, BigDecimal q1, BigDecimal q2, BigDecimal q3, BigDecimal q4, BigDecimal total) {

	static FinanceYearResponse of(QuarterlyEarnings row) {
		Quarters q = row.quarters();
		return new FinanceYearResponse(row.getFiscalYear(), q.q1(), q.q2(), q.q3(), q.q4(), q.total());
	}

}
