package dev.tower.destiny.login;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

import static org.assertj.core.api.Assertions.assertThat;

class LoginStateTests {

	@Test
	void theStateIsLongRandomAndUrlSafe() {
		String state = LoginState.issue(new MockHttpSession());

		assertThat(state).matches("[A-Za-z0-9_-]{43}"); // 256 bits
		assertThat(LoginState.issue(new MockHttpSession())).isNotEqualTo(state);
	}

	@Test
	void onlyTheStateThisSessionWasGivenIsAccepted() {
		// The original compared the session's state with itself: a session holding any state accepted anything.
		MockHttpSession session = new MockHttpSession();
		LoginState.issue(session);

		assertThat(LoginState.consume(session, "a-state-from-an-attacker")).isFalse();
	}

	@Test
	void aStateIsGoodForOneCallback() {
		MockHttpSession session = new MockHttpSession();
		String state = LoginState.issue(session);

		assertThat(LoginState.consume(session, state)).isTrue();
		assertThat(LoginState.consume(session, state)).isFalse();
	}

	@Test
	void aFailedAttemptSpendsTheStateToo() {
		MockHttpSession session = new MockHttpSession();
		String state = LoginState.issue(session);

		assertThat(LoginState.consume(session, "guess")).isFalse();
		assertThat(LoginState.consume(session, state)).isFalse();
	}

	@Test
	void noSessionOrNoStateIsRefused() {
		MockHttpSession session = new MockHttpSession();
		assertThat(LoginState.consume(null, "x")).isFalse();
		assertThat(LoginState.consume(session, "x")).isFalse();
		LoginState.issue(session);
		assertThat(LoginState.consume(session, null)).isFalse();
	}

}
