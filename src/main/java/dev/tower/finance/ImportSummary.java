package dev.tower.finance;

/** What an import changed. Re-importing the same file creates nothing and updates in place. */
public record ImportSummary(int companiesCreated, int companiesUpdated, int yearsCreated, int yearsUpdated) {

	@Override
	public String toString() {
		return "%d companies created, %d updated; %d finance years created, %d updated".formatted(companiesCreated,
				companiesUpdated, yearsCreated, yearsUpdated);
	}

}
