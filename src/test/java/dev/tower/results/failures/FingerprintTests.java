package dev.tower.results.failures;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Fingerprints of failures as Surefire, pytest, Jest (jest-junit) and Go (go-junit-report) write them: the same
 * cause on another day, machine or input is one group; another exception or another place is another.
 */
class FingerprintTests {

	/** A failure as a report holds it: its type and message attributes and its text. */
	record Failure(String type, String message, String trace) {

		Fingerprint fingerprint() {
			return Fingerprint.of(type, message, trace);
		}

	}

	private static final String JUNIT5_FRAMES = """
				at org.junit.jupiter.api.AssertionFailureBuilder.build(AssertionFailureBuilder.java:151)
				at org.junit.jupiter.api.AssertionFailureBuilder.buildAndThrow(AssertionFailureBuilder.java:132)
				at org.junit.jupiter.api.AssertEquals.failNotEqual(AssertEquals.java:197)
				at org.junit.jupiter.api.Assertions.assertEquals(Assertions.java:563)
			""";

	private static final String REFLECTION_FRAMES = """
				at java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103)
				at java.base/java.lang.reflect.Method.invoke(Method.java:580)
				at org.junit.platform.commons.util.ReflectionUtils.invokeMethod(ReflectionUtils.java:728)
			""";

	private static Failure junit(String message, String testFrame) {
		return new Failure("org.opentest4j.AssertionFailedError", message,
				"org.opentest4j.AssertionFailedError: " + message + "\n" + JUNIT5_FRAMES + "\tat " + testFrame + "\n"
						+ REFLECTION_FRAMES);
	}

	private static Failure connectionRefused(String address, String testFrame) {
		String message = "Connection to " + address + " refused. Check that the hostname and port are correct and "
				+ "that the postmaster is accepting TCP/IP connections.";
		return new Failure("org.postgresql.util.PSQLException", message, "org.postgresql.util.PSQLException: " + message
				+ "\n\tat org.postgresql.core.v3.ConnectionFactoryImpl.openConnectionImpl(ConnectionFactoryImpl.java:352)"
				+ "\n\tat org.postgresql.core.ConnectionFactory.openConnection(ConnectionFactory.java:54)"
				+ "\n\tat " + testFrame + "\n" + REFLECTION_FRAMES
				+ "Caused by: java.net.ConnectException: Connection refused\n"
				+ "\tat java.base/sun.nio.ch.Net.pollConnect(Native Method)\n");
	}

	private static Failure jest(String firstLines, String place) {
		String root = "C:\\Users\\Michal\\Workspace\\dorny\\test-check\\reports\\jest";
		return new Failure(null, null, firstLines + "\n    at " + place.replace("ROOT", root) + "\n"
				+ "    at Object.asyncJestTest (" + root + "\\node_modules\\jest-jasmine2\\build\\jasmineAsyncInstall.js:106:37)\n"
				+ "    at resolve (" + root + "\\node_modules\\jest-jasmine2\\build\\queueRunner.js:45:12)\n"
				+ "    at new Promise (<anonymous>)\n"
				+ "    at process._tickCallback (internal/process/next_tick.js:68:7)");
	}

	private static Failure pytest(String message, String body, String location) {
		return new Failure(null, message, body + "\n\n" + location);
	}

	private static Failure go(String output) {
		return new Failure("", "Failed", output);
	}

	private static Failure goPanic(String value, String address, String function) {
		return new Failure("", "Failed", "panic: " + value + " [recovered]\n\tpanic: " + value + "\n\n"
				+ "goroutine 7 [running]:\n"
				+ "testing.tRunner.func1.2({0x5b6f40, 0x6a5ef0})\n\t/usr/local/go/src/testing/testing.go:1545 +0x238\n"
				+ "panic({0x5b6f40?, 0x6a5ef0?})\n\t/usr/local/go/src/runtime/panic.go:914 +0x21f\n"
				+ function + "(" + address + ", 0x3)\n\t/home/ci/work/cart/cart.go:12 +0x1d\n"
				+ "testing.tRunner(0xc0001029c0, 0x5f5e10)\n\t/usr/local/go/src/testing/testing.go:1595 +0xff\n");
	}

	static Stream<Arguments> sameCause() {
		return Stream.of(
				arguments("JUnit 5 assertEquals, other numbers and line",
						junit("expected: <3> but was: <4>", "com.acme.cart.CartTest.addsItem(CartTest.java:42)"),
						junit("expected: <17> but was: <1204>", "com.acme.cart.CartTest.addsItem(CartTest.java:57)")),
				arguments("JUnit 5, other quoted values",
						junit("expected: <\"Alice\"> but was: <\"Bob\">", "com.acme.UserTest.renames(UserTest.java:12)"),
						junit("expected: <\"Zoë\"> but was: <\"\">", "com.acme.UserTest.renames(UserTest.java:12)")),
				arguments("PostgreSQL refused on another port and host, from another test",
						connectionRefused("localhost:5432", "com.acme.db.OrderRepositoryTest.saves(OrderRepositoryTest.java:31)"),
						connectionRefused("10.0.3.17:15433", "com.acme.db.InvoiceRepositoryTest.lists(InvoiceRepositoryTest.java:88)")),
				arguments("a temporary file on Linux and on Windows",
						new Failure("java.nio.file.NoSuchFileException", "/tmp/junit12345678901234/report.xml",
								"java.nio.file.NoSuchFileException: /tmp/junit12345678901234/report.xml\n"
										+ "\tat java.base/sun.nio.fs.UnixException.translateToIOException(UnixException.java:92)\n"),
						new Failure("java.nio.file.NoSuchFileException",
								"C:\\Users\\runneradmin\\AppData\\Local\\Temp\\junit987654\\report.xml",
								"java.nio.file.NoSuchFileException: C:\\Users\\runneradmin\\AppData\\Local\\Temp\\junit987654\\report.xml\n"
										+ "\tat java.base/sun.nio.fs.UnixException.translateToIOException(UnixException.java:92)\n")),
				arguments("a UUID, a timestamp and an object's hash",
						new Failure("java.lang.IllegalStateException",
								"Order 3f2b8c1e-9a4d-4e6b-8f0a-1c2d3e4f5a6b expired at 2026-11-20T02:14:07.123Z (lock com.acme.Lock@1b2c3d4)",
								"java.lang.IllegalStateException\n\tat com.acme.orders.Order.pay(Order.java:77)\n"),
						new Failure("java.lang.IllegalStateException",
								"Order 0a1b2c3d-4e5f-4a6b-9c8d-7e6f5a4b3c2d expired at 2026-12-01T23:59:59Z (lock com.acme.Lock@7f00ab)",
								"java.lang.IllegalStateException\n\tat com.acme.orders.Order.pay(Order.java:81)\n")),
				arguments("Jest, the same throw from two tests on two machines",
						jest("Error: Some error", "Object.throwError (ROOT\\lib\\main.js:2:9)\n    at Object.test (ROOT\\__tests__\\main.test.js:14:11)"),
						new Failure(null, null, "Error: Some error\n    at Object.throwError (/home/runner/work/app/lib/main.js:2:9)\n"
								+ "    at Object.test (/home/runner/work/app/__tests__/other.test.js:30:5)\n"
								+ "    at Object.asyncJestTest (/home/runner/work/app/node_modules/jest-jasmine2/build/jasmineAsyncInstall.js:106:37)")),
				arguments("Jest's timeout, other milliseconds",
						jest(": Timeout - Async callback was not invoked within the 1 ms timeout specified by jest.setTimeout.",
								"Object.<anonymous> (ROOT\\__tests__\\second.test.js:1:34)"),
						jest(": Timeout - Async callback was not invoked within the 5000 ms timeout specified by jest.setTimeout.",
								"Object.<anonymous> (ROOT\\__tests__\\second.test.js:1:34)")),
				arguments("pytest, the same assertion with other values",
						pytest("assert 3 == 4", "    def test_total():\n>       assert total([1, 2]) == 4\nE       assert 3 == 4",
								"tests/test_cart.py:12: AssertionError"),
						pytest("assert 10 == 12", "    def test_total():\n>       assert total([4, 6]) == 12\nE       assert 10 == 12",
								"tests/test_cart.py:14: AssertionError")),
				arguments("pytest, an error raised in the code from a temporary directory",
						pytest("FileNotFoundError: [Errno 2] No such file or directory: '/tmp/pytest-of-ci/pytest-12/test_load0/data.csv'",
								"tests/test_load.py:8: in test_load\n    load(tmp_path / 'data.csv')\n_ _ _\n",
								"src/loader.py:21: FileNotFoundError"),
						pytest("FileNotFoundError: [Errno 2] No such file or directory: '/tmp/pytest-of-ci/pytest-907/test_load_big0/big.csv'",
								"tests/test_load.py:19: in test_load_big\n    load(tmp_path / 'big.csv')\n_ _ _\n",
								"src/loader.py:21: FileNotFoundError")),
				arguments("go test's t.Errorf, other values",
						go("    calculator_test.go:19: expected 3, got 4"),
						go("    calculator_test.go:27: expected 12, got 7")),
				arguments("a Go panic, other addresses",
						goPanic("runtime error: index out of range [5] with length 3", "0xc000010000", "github.com/acme/cart.(*Cart).Add"),
						goPanic("runtime error: index out of range [9] with length 2", "0xc00001a0f0", "github.com/acme/cart.(*Cart).Add")));
	}

	static Stream<Arguments> otherCause() {
		return Stream.of(
				arguments("another exception, same message",
						new Failure("java.lang.IllegalStateException", "closed", "java.lang.IllegalStateException: closed\n\tat com.acme.Pool.take(Pool.java:10)\n"),
						new Failure("java.lang.IllegalArgumentException", "closed", "java.lang.IllegalArgumentException: closed\n\tat com.acme.Pool.take(Pool.java:10)\n")),
				arguments("the same exception raised in another place",
						new Failure("java.lang.NullPointerException", null, "java.lang.NullPointerException\n\tat com.acme.cart.Cart.add(Cart.java:31)\n"),
						new Failure("java.lang.NullPointerException", null, "java.lang.NullPointerException\n\tat com.acme.cart.Cart.remove(Cart.java:31)\n")),
				arguments("the same assertion in another test",
						junit("expected: <3> but was: <4>", "com.acme.cart.CartTest.addsItem(CartTest.java:42)"),
						junit("expected: <3> but was: <4>", "com.acme.cart.CartTest.removesItem(CartTest.java:42)")),
				arguments("another message",
						connectionRefused("localhost:5432", "com.acme.db.OrderRepositoryTest.saves(OrderRepositoryTest.java:31)"),
						new Failure("org.postgresql.util.PSQLException", "FATAL: password authentication failed for user \"ci\"",
								"org.postgresql.util.PSQLException: FATAL: password authentication failed for user \"ci\"\n"
										+ "\tat org.postgresql.core.v3.ConnectionFactoryImpl.openConnectionImpl(ConnectionFactoryImpl.java:352)\n")),
				arguments("Jest, another error",
						jest("Error: expect(received).toBeTruthy()\n\nReceived: false", "Object.test (ROOT\\__tests__\\main.test.js:10:21)"),
						jest("Error: Some error", "Object.test (ROOT\\__tests__\\main.test.js:10:21)")),
				arguments("pytest, raised in another file",
						pytest("ValueError: bad total", "tests/test_cart.py:8: in test_total\n_ _ _\n", "src/cart.py:3: ValueError"),
						pytest("ValueError: bad total", "tests/test_cart.py:8: in test_total\n_ _ _\n", "src/tax.py:3: ValueError")),
				arguments("go test, another file",
						go("    calculator_test.go:19: expected 3, got 4"),
						go("    parser_test.go:19: expected 3, got 4")),
				arguments("a Go panic in another function",
						goPanic("runtime error: index out of range [5] with length 3", "0xc000010000", "github.com/acme/cart.(*Cart).Add"),
						goPanic("runtime error: index out of range [5] with length 3", "0xc000010000", "github.com/acme/cart.(*Cart).Remove")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("sameCause")
	void theSameCauseIsOneGroup(String what, Failure one, Failure other) {
		assertThat(one.fingerprint()).isEqualTo(other.fingerprint());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("otherCause")
	void anotherCauseIsAnotherGroup(String what, Failure one, Failure other) {
		assertThat(one.fingerprint().hash()).isNotEqualTo(other.fingerprint().hash());
	}

	@Test
	void theFingerprintSaysWhatItKept() {
		Fingerprint junit = junit("expected: <3> but was: <4>", "com.acme.cart.CartTest.addsItem(CartTest.java:42)")
			.fingerprint();
		assertThat(junit.type()).isEqualTo("org.opentest4j.AssertionFailedError");
		assertThat(junit.message()).isEqualTo("expected: <<n>> but was: <<n>>");
		assertThat(junit.frames()).isEqualTo("com.acme.cart.CartTest.addsItem");

		Fingerprint jest = jest("Error: Some error", "Object.throwError (ROOT\\lib\\main.js:2:9)").fingerprint();
		assertThat(jest.type()).isEqualTo("Error");
		assertThat(jest.message()).isEqualTo("Some error");
		assertThat(jest.frames()).isEqualTo("Object.throwError main.js");

		Fingerprint refused = connectionRefused("db.internal:5432", "com.acme.T.t(T.java:1)").fingerprint();
		assertThat(refused.message()).startsWith("Connection to <host:port> refused.");
		assertThat(refused.frames()).isEqualTo("org.postgresql.core.v3.ConnectionFactoryImpl.openConnectionImpl");

		Fingerprint go = go("    calculator_test.go:19: expected 3, got 4").fingerprint();
		assertThat(go.message()).isEqualTo("calculator_test.go:<n>: expected <n>, got <n>");
		assertThat(go.frames()).isEqualTo("calculator_test.go");

		assertThat(goPanic("boom", "0xc0", "github.com/acme/cart.(*Cart).Add").fingerprint().frames())
			.isEqualTo("github.com/acme/cart.(*Cart).Add");
		assertThat(pytest("ValueError: bad", "tests/test_cart.py:8: in test_total\n_ _ _\n", "src/cart.py:3: ValueError")
			.fingerprint().frames()).isEqualTo("cart.py");
		assertThat(junit.id()).matches("[0-9a-f]{16}");
	}

	@Test
	void aFailureWithNothingToSayStillHasAFingerprint() {
		Fingerprint nothing = Fingerprint.of(null, null, null);
		assertThat(nothing).isEqualTo(Fingerprint.of("", "  ", ""));
		assertThat(nothing.type()).isEmpty();
		assertThat(nothing.frames()).isEmpty();
	}

}
