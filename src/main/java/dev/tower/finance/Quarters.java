package dev.tower.finance;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.stream.Stream;

/** A year's four quarterly earnings; a quarter not (yet) reported is null, not zero. */
record Quarters(BigDecimal q1, BigDecimal q2, BigDecimal q3, BigDecimal q4) {

	/** The sum of the reported quarters. */
	BigDecimal total() {
		return Stream.of(q1, q2, q3, q4).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

}
