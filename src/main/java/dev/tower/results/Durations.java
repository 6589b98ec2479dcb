package dev.tower.results;

import java.util.Locale;

/** Test durations as people read them: "420 ms", "3.2 s", "4 min 05 s", "2 h 03 min". */
public final class Durations {

	private Durations() {
	}

	public static String format(double seconds) {
		if (seconds < 1) {
			return Math.round(seconds * 1000) + " ms";
		}
		if (seconds < 120) {
			return String.format(Locale.ROOT, "%.1f s", seconds);
		}
		long whole = Math.round(seconds);
		if (whole < 7200) {
			return String.format(Locale.ROOT, "%d min %02d s", whole / 60, whole % 60);
		}
		return String.format(Locale.ROOT, "%d h %02d min", whole / 3600, whole % 3600 / 60);
	}

}
