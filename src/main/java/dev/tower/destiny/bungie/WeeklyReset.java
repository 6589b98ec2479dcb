package dev.tower.destiny.bungie;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

/**
 * Destiny's week: it resets on Tuesdays at 17:00 UTC, and Xûr arrives with the Friday reset (17:00 UTC) and leaves
 * with Tuesday's. The one place Tower reckons his schedule: the board, the demo's Bungie.net and the weekly notice.
 */
public final class WeeklyReset {

	private WeeklyReset() {
	}

	/** The next Friday 17:00 UTC strictly after {@code now}. */
	public static Instant nextArrival(Instant now) {
		ZonedDateTime utc = now.atZone(ZoneOffset.UTC);
		ZonedDateTime friday = at17(utc.with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY)));
		return (friday.isAfter(utc) ? friday : friday.plusWeeks(1)).toInstant();
	}

	/** The Friday his visit began when {@code now} falls within one (Friday 17:00 to Tuesday 17:00 UTC). */
	public static Optional<LocalDate> visitAt(Instant now) {
		ZonedDateTime utc = now.atZone(ZoneOffset.UTC);
		ZonedDateTime arrived = at17(utc.with(TemporalAdjusters.previousOrSame(DayOfWeek.FRIDAY)));
		if (arrived.isAfter(utc)) {
			arrived = arrived.minusWeeks(1);
		}
		return utc.isBefore(leaving(arrived.toLocalDate())) ? Optional.of(arrived.toLocalDate()) : Optional.empty();
	}

	/** When the visit that began on {@code friday} ends: the Tuesday reset after it. */
	public static Instant leaves(LocalDate friday) {
		return leaving(friday).toInstant();
	}

	private static ZonedDateTime leaving(LocalDate friday) {
		return at17(friday.plusDays(4).atStartOfDay(ZoneOffset.UTC));
	}

	private static ZonedDateTime at17(ZonedDateTime day) {
		return day.withHour(17).withMinute(0).withSecond(0).withNano(0);
	}

}
