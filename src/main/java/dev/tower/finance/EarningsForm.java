package dev.tower.finance;

import java.math.BigDecimal;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The admin form for one year of a company's earnings, in dollars. */
class EarningsForm {

	@NotNull
	@Min(1900)
	@Max(2100)
	private Integer year;

	@Digits(integer = 17, fraction = 2)
	private BigDecimal q1;

	@Digits(integer = 17, fraction = 2)
	private BigDecimal q2;

	@Digits(integer = 17, fraction = 2)
	private BigDecimal q3;

	@Digits(integer = 17, fraction = 2)
	private BigDecimal q4;

	static EarningsForm of(FinanceYearResponse row) {
		EarningsForm form = new EarningsForm();
		form.year = row.year();
		form.q1 = row.q1();
		form.q2 = row.q2();
		form.q3 = row.q3();
		form.q4 = row.q4();
		return form;
	}

	Quarters quarters() {
		return new Quarters(q1, q2, q3, q4);
	}

	public Integer getYear() {
		return year;
	}

	public void setYear(Integer year) {
		this.year = year;
	}

	public BigDecimal getQ1() {
		return q1;
	}

	public void setQ1(BigDecimal q1) {
		this.q1 = q1;
	}

	public BigDecimal getQ2() {
		return q2;
	}

	public void setQ2(BigDecimal q2) {
		this.q2 = q2;
	}

	public BigDecimal getQ3() {
		return q3;
	}

	public void setQ3(BigDecimal q3) {
		this.q3 = q3;
	}

	public BigDecimal getQ4() {
		return q4;
	}

	public void setQ4(BigDecimal q4) {
		this.q4 = q4;
	}

}
