package dev.tower;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The tests' clock, a bean for what reckons Destiny's week (Xûr's visits): a Saturday, while he is here, unless a
 * test sets another time. A test that sets it puts it back with {@link #reset()}.
 */
public final class TestClock extends Clock {

	/** Saturday 28 November 2026, noon UTC: Xûr came on Friday and leaves on Tuesday 1 December. */
	public static final Instant SATURDAY = Instant.parse("2026-11-28T12:00:00Z");

	private volatile Instant now = SATURDAY;

	public void set(Instant instant) {
		this.now = instant;
	}

	public void reset() {
		set(SATURDAY);
	}

	@Override
	public Instant instant() {
		return now;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.fixed(now, zone);
	}

	@TestConfiguration(proxyBeanMethods = false)
	public static class Bean {

		@org.springframework.context.annotation.Bean
		TestClock testClock() {
			return new TestClock();
		}

	}

}
