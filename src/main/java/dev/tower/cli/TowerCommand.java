package dev.tower.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Unmatched;

/** {@code tower [--production | --profile P] [serve | worker | ingest | user | finance | manifest]}; without a command, serves. */
@Command(name = "tower", mixinStandardHelpOptions = true, versionProvider = TowerCommand.Version.class,
		description = "Tower: finance, test results and Destiny boards.",
		subcommands = { ServeCommand.class, WorkerCommand.class, IngestCommand.class, UserCommand.class,
				FinanceCommand.class, ManifestCommand.class, ResultsCommand.class })
public class TowerCommand implements Callable<Integer> {

	@Option(names = "--production", scope = ScopeType.INHERIT,
			description = "Run with the production profile (same as --profile production).")
	boolean production;

	@Option(names = "--profile", scope = ScopeType.INHERIT, paramLabel = "PROFILE",
			description = "development, testing or production (default: $TOWER_PROFILE, else development).")
	String profile;

	@Option(names = "--debug", scope = ScopeType.INHERIT,
			description = "Show the stack trace when start-up fails.")
	boolean debug;

	/** Spring Boot properties such as {@code --server.port=9090}, passed through to serve. */
	@Unmatched
	List<String> springArgs = new ArrayList<>();

	@Override
	public Integer call() throws InterruptedException {
		return ServeCommand.serve(this, springArgs);
	}

	RunProfile runProfile() {
		return RunProfile.resolve(profile, production, System.getenv());
	}

	/** The Spring Boot application the commands start, with or without a web server. */
	final Class<?> application;

	TowerCommand(Class<?> application) {
		this.application = application;
	}

	public static int execute(Class<?> application, String... args) {
		return commandLine(application).execute(args);
	}

	static CommandLine commandLine(Class<?> application) {
		CommandLine cli = new CommandLine(new TowerCommand(application));
		cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
			if (ex instanceof TowerStartupException) {
				commandLine.getErr().println(commandLine.getColorScheme().errorText("tower: " + ex.getMessage()));
				if (ex.getCause() != null && ((TowerCommand) commandLine.getCommandSpec().root().userObject()).debug) {
					ex.getCause().printStackTrace(commandLine.getErr());
				}
				return 2;
			}
			throw ex;
		});
		return cli;
	}

	static class Version implements CommandLine.IVersionProvider {

		@Override
		public String[] getVersion() {
			String version = TowerCommand.class.getPackage().getImplementationVersion();
			return new String[] { "tower " + (version == null ? "development build" : version) };
		}

	}

}
