package dev.tower.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressBarTests {

	private final StringWriter output = new StringWriter();

	@Test
	void aLogGetsALineEveryTenPercent() {
		ProgressBar progress = new ProgressBar(new PrintWriter(output), false);
		for (int file = 0; file <= 40; file++) {
			progress.advanced(file * 2048L, 40 * 2048L, file, 40);
		}

		assertThat(output.toString().lines()).hasSize(11)
			.startsWith("  0%  0/40 files  0 B/80.0 KB", " 10%  4/40 files  8.0 KB/80.0 KB")
			.endsWith("100%  40/40 files  80.0 KB/80.0 KB");
	}

	@Test
	void aTerminalGetsOneRedrawnBarEndedByANewLine() {
		ProgressBar progress = new ProgressBar(new PrintWriter(output), true);
		progress.advanced(0, 100, 0, 2);
		progress.advanced(100, 100, 2, 2);

		assertThat(output.toString()).startsWith("\r[..............................]   0%")
			.endsWith("\r[##############################] 100%  2/2 files  100 B/100 B \n");
	}

	@Test
	void nothingToReadDrawsNothing() {
		new ProgressBar(new PrintWriter(output), false).advanced(0, 0, 0, 0);

		assertThat(output.toString()).isEmpty();
	}

}
