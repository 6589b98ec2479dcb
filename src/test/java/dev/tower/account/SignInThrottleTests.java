package dev.tower.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignInThrottleTests {

	private Instant now = Instant.parse("2026-11-24T12:00:00Z");

	private final Clock clock = new Clock() {

		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	};

	private final SignInThrottle throttle = new SignInThrottle(new SignInProperties(5, 8, Duration.ofMinutes(15)),
			new MemoryFailedSignIns(clock));

	@Test
	void fiveWrongPasswordsLockThatUsernameFromThatAddressForTheRestOfTheWindow() {
		for (int i = 1; i <= 4; i++) {
			assertThat(throttle.failed("carol", "10.0.0.1")).as("failure %d", i).isNull();
		}
		now = now.plus(Duration.ofMinutes(5));

		assertThat(throttle.failed("carol", "10.0.0.1")).isEqualTo(Duration.ofMinutes(10));
		assertThat(throttle.lockedFor("carol", "10.0.0.1")).isEqualTo(Duration.ofMinutes(10));
		assertThat(throttle.lockedFor("carol", "10.0.0.2")).as("the owner elsewhere").isNull();
		assertThat(throttle.lockedFor("dave", "10.0.0.1")).as("another user at the same address").isNull();

		now = now.plus(Duration.ofMinutes(10));
		assertThat(throttle.lockedFor("carol", "10.0.0.1")).isNull();
		assertThat(throttle.failed("carol", "10.0.0.1")).as("a fresh window").isNull();
	}

	@Test
	void guessingAcrossManyUsernamesLocksTheAddress() {
		for (int i = 1; i <= 7; i++) {
			assertThat(throttle.failed("user-" + i, "10.0.0.9")).isNull();
		}
		assertThat(throttle.failed("user-8", "10.0.0.9")).isEqualTo(Duration.ofMinutes(15));

		assertThat(throttle.lockedFor("anyone", "10.0.0.9")).isEqualTo(Duration.ofMinutes(15));
		assertThat(throttle.lockedFor("anyone", "10.0.0.10")).isNull();
	}

	@Test
	void theMemoryCountForgetsPassedWindows() {
		var failures = new MemoryFailedSignIns(clock);
		failures.add("k", Duration.ofMinutes(1));
		failures.add("k", Duration.ofMinutes(1));
		assertThat(failures.get("k").count()).isEqualTo(2);

		now = now.plus(Duration.ofMinutes(1));
		assertThat(failures.get("k")).isEqualTo(FailedSignIns.Tally.NONE);
		assertThat(failures.add("k", Duration.ofMinutes(1)).count()).isEqualTo(1);
		failures.clear("k");
		assertThat(failures.get("k").count()).isZero();
	}

}
