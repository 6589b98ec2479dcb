package dev.tower.finance;

import java.math.BigDecimal;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** One company's earnings for one year, by quarter (the original's {@code Finance} row). */
@Entity
class QuarterlyEarnings {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "company_id")
	private Company company;

	private int fiscalYear;

	private BigDecimal q1;

	private BigDecimal q2;

	private BigDecimal q3;

	private BigDecimal q4;

	protected QuarterlyEarnings() {
	}

	QuarterlyEarnings(Company company, int fiscalYear, Quarters quarters) {
		this.company = company;
		this.fiscalYear = fiscalYear;
		replace(quarters);
	}

	void replace(Quarters quarters) {
		this.q1 = quarters.q1();
		this.q2 = quarters.q2();
		this.q3 = quarters.q3();
		this.q4 = quarters.q4();
	}

	Company getCompany() {
		return company;
	}

	int getFiscalYear() {
		return fiscalYear;
	}

	Quarters quarters() {
		return new Quarters(q1, q2, q3, q4);
	}

}
