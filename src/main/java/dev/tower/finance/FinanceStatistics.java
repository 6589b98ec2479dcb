package dev.tower.finance;

/** How much the Finance board holds, for the home page. */
public record FinanceStatistics(long companies, long financeYears, Integer firstYear, Integer latestYear) {
}
