package dev.tower.results.report;

/** How a test case ended. Stored as its code, one character. */
public enum Outcome {

	PASSED('P'), FAILED('F'), ERROR('E'), SKIPPED('S');

	private final char code;

	Outcome(char code) {
		this.code = code;
	}

	public char code() {
		return code;
	}

	public boolean failing() {
		return this == FAILED || this == ERROR;
	}

	public static Outcome of(char code) {
		for (Outcome outcome : values()) {
			if (outcome.code == code) {
				return outcome;
			}
		}
		throw new IllegalArgumentException("no outcome with code " + code);
	}

}
