package dev.tower.finance;

import java.math.BigDecimal;

import jakarta.validation.constraints.Digits;

/** A year's earnings in dollars, cents at most; a loss is negative; a quarter left out is not reported yet. */
record QuartersRequest(
		@Digits(integer = 17, fraction = 2) BigDecimal q1,
		@Digits(integer = 17, fraction = 2) BigDecimal q2,
		@Digits(integer = 17, fraction = 2) BigDecimal q3,
		@Digits(integer = 17, fraction = 2) BigDecimal q4) {

	Quarters quarters() {
		return new Quarters(q1, q2, q3, q4);
	}

}
