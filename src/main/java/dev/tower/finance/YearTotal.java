package dev.tower.finance;

import java.math.BigDecimal;

/** All companies' earnings in one year, and how many companies reported. */
record YearTotal(Integer year, BigDecimal total, Long companies) {
}
