package dev.tower.finance;

import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Earnings across companies: the comparison chart, the yearly totals, the home page's figures. */
@Service
public class EarningsService {

	private final QuarterlyEarningsRepository earnings;

	private final CompanyRepository companies;

	EarningsService(QuarterlyEarningsRepository earnings, CompanyRepository companies) {
		this.earnings = earnings;
		this.companies = companies;
	}

	/** One year's earnings per company, biggest total first; without a year, the latest one on record. */
	@Transactional(readOnly = true)
	EarningsComparison compare(Integer year, CompanyFilter filter) {
		List<Integer> years = earnings.findYears();
		Integer chosen = (year != null) ? year : (years.isEmpty() ? null : years.get(years.size() - 1));
		List<EarningsComparison.CompanyEarnings> rows = (chosen == null) ? List.of()
				: earnings.findByFiscalYear(chosen).stream()
					.filter(row -> filter.matches(row.getCompany()))
					.map(EarningsComparison.CompanyEarnings::of)
					.sorted(Comparator.comparing(EarningsComparison.CompanyEarnings::total).reversed())
					.toList();
		return new EarningsComparison(chosen, years, rows);
	}

	@Transactional(readOnly = true)
	List<YearTotal> totalsByYear() {
		return earnings.findTotalsByYear();
	}

	@Transactional(readOnly = true)
	public FinanceStatistics statistics() {
		List<Integer> years = earnings.findYears();
		return new FinanceStatistics(companies.count(), earnings.count(), years.isEmpty() ? null : years.get(0),
				years.isEmpty() ? null : years.get(years.size() - 1));
	}

}
