package dev.tower.cli;

import java.io.PrintWriter;

import picocli.CommandLine;

/** Runs the command line from tests in other packages, capturing what it prints. */
public final class TowerCommandAccess {

	private TowerCommandAccess() {
	}

	public static int run(Class<?> application, PrintWriter out, PrintWriter err, String... args) {
		CommandLine cli = TowerCommand.commandLine(application);
		cli.setOut(out);
		cli.setErr(err);
		return cli.execute(args);
	}

}
