package dev.tower.jobs;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * {@code tower.jobs.*}: how long finished jobs and notifications are kept, and the schedule of each recurring task,
 * so an operator changes a schedule in configuration rather than in code.
 */
@ConfigurationProperties("tower.jobs")
record JobsProperties(Duration retention, Map<String, Schedule> recurring) {

	JobsProperties {
		retention = retention == null ? Duration.ofDays(14) : retention;
		recurring = recurring == null ? Map.of() : new TreeMap<>(recurring);
	}

	/** A cron expression (5 fields, or 6 with seconds) or an interval such as {@code 5m}; one of the two. */
	record Schedule(String cron, Duration interval, Boolean enabled) {

		boolean isEnabled() {
			return enabled == null || enabled;
		}

		String describe() {
			return StringUtils.hasText(cron) ? "cron " + cron.trim() : "every " + Intervals.describe(interval);
		}

		void check(String name) {
			if (StringUtils.hasText(cron) == (interval != null)) {
				throw new IllegalStateException(
						"tower.jobs.recurring.%s needs either a cron or an interval, not %s".formatted(name,
								interval == null ? "neither" : "both"));
			}
			if (interval != null && interval.compareTo(Duration.ofSeconds(5)) < 0) {
				throw new IllegalStateException(
						"tower.jobs.recurring.%s.interval must be at least 5 seconds".formatted(name));
			}
		}

	}

}
