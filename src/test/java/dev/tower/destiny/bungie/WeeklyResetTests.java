package dev.tower.destiny.bungie;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Xûr's week: here from the Friday reset to the Tuesday reset, 17:00 UTC both, every week. */
class WeeklyResetTests {

	static final LocalDate FRIDAY = LocalDate.parse("2026-12-04");

	@Test
	void aVisitRunsFromFridayAtFiveToTuesdayAtFiveUtc() {
		assertThat(WeeklyReset.visitAt(Instant.parse("2026-12-04T16:59:59Z"))).isEmpty();
		assertThat(WeeklyReset.visitAt(Instant.parse("2026-12-04T17:00:00Z"))).contains(FRIDAY);
		assertThat(WeeklyReset.visitAt(Instant.parse("2026-12-06T03:00:00Z"))).contains(FRIDAY);
		assertThat(WeeklyReset.visitAt(Instant.parse("2026-12-08T16:59:59Z"))).contains(FRIDAY);
		assertThat(WeeklyReset.visitAt(Instant.parse("2026-12-08T17:00:00Z"))).isEmpty();
		assertThat(WeeklyReset.visitAt(Instant.parse("2026-12-10T12:00:00Z"))).isEmpty();
		assertThat(WeeklyReset.leaves(FRIDAY)).isEqualTo(Instant.parse("2026-12-08T17:00:00Z"));
	}

	@Test
	void heArrivesAtTheNextFridayReset() {
		assertThat(WeeklyReset.nextArrival(Instant.parse("2026-12-07T04:00:00Z")))
			.isEqualTo(Instant.parse("2026-12-04T17:00:00Z").plusSeconds(7 * 86400));
		assertThat(WeeklyReset.nextArrival(Instant.parse("2026-12-04T17:00:00Z")))
			.isEqualTo(Instant.parse("2026-12-11T17:00:00Z"));
		// across a year's end
		assertThat(WeeklyReset.nextArrival(Instant.parse("2026-12-31T23:00:00Z")))
			.isEqualTo(Instant.parse("2027-01-01T17:00:00Z"));
		assertThat(WeeklyReset.visitAt(Instant.parse("2027-01-03T12:00:00Z"))).contains(LocalDate.parse("2027-01-01"));
	}

}
