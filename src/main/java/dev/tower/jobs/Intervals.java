package dev.tower.jobs;

import java.time.Duration;

/** Durations as people say them: "5 minutes", "1 hour 30 minutes". */
final class Intervals {

	private Intervals() {
	}

	static String describe(Duration duration) {
		StringBuilder text = new StringBuilder();
		append(text, duration.toDaysPart(), "day");
		append(text, duration.toHoursPart(), "hour");
		append(text, duration.toMinutesPart(), "minute");
		append(text, duration.toSecondsPart(), "second");
		return text.isEmpty() ? "0 seconds" : text.toString();
	}

	private static void append(StringBuilder text, long amount, String unit) {
		if (amount > 0) {
			text.append(text.isEmpty() ? "" : " ").append(amount).append(' ').append(unit).append(amount == 1 ? "" : "s");
		}
	}

}
