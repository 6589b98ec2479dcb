package dev.tower.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import dev.tower.results.ingest.RunDeletion;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "results", mixinStandardHelpOptions = true, description = "The Results board's runs.",
		subcommands = ResultsCommand.Delete.class)
class ResultsCommand {

	@ParentCommand
	TowerCommand root;

	@Command(name = "delete", mixinStandardHelpOptions = true,
			description = "Delete runs with their files, suites, cases and statistics: the runs of a name, or every "
					+ "run that started longer ago than a duration. Asks first unless --yes.")
	static class Delete implements Callable<Integer> {

		@ParentCommand
		ResultsCommand results;

		@Spec
		CommandSpec spec;

		@Option(names = "--run", paramLabel = "NAME", description = "The runs with this name")
		String run;

		@Option(names = "--older-than", paramLabel = "DURATION", description = "Runs that started longer ago, e.g. 30d or 12h")
		String olderThan;

		@Option(names = "--yes", description = "Do not ask for confirmation")
		boolean yes;

		@Override
		public Integer call() throws IOException {
			if ((run == null) == (olderThan == null)) {
				throw new ParameterException(spec.commandLine(), "give either --run NAME or --older-than DURATION");
			}
			Duration age = olderThan == null ? null : age();
			try (ConfigurableApplicationContext context = TowerContext.command(results.root)) {
				RunDeletion deletion = context.getBean(RunDeletion.class);
				List<Long> runs = run != null ? deletion.named(run) : deletion.startedBefore(Instant.now().minus(age));
				var out = spec.commandLine().getOut();
				if (runs.isEmpty()) {
					out.println("No runs to delete.");
					return 0;
				}
				String what = "%,d run%s with %,d results".formatted(runs.size(), runs.size() == 1 ? "" : "s",
						deletion.cases(runs));
				if (!yes && !confirmed("Delete " + what + "? [y/N] ")) {
					out.println("Nothing deleted.");
					return 1;
				}
				ProgressBar progress = new ProgressBar(spec.commandLine().getErr(), System.console() != null, "runs");
				for (int done = 0; done < runs.size(); done++) {
					deletion.delete(runs.get(done));
					progress.advanced(0, 0, done + 1, runs.size());
				}
				out.println("Deleted " + what + ".");
				return 0;
			}
		}

		private Duration age() {
			try {
				Duration age = DurationStyle.detectAndParse(olderThan);
				if (age.isNegative() || age.isZero()) {
					throw new IllegalArgumentException("not positive");
				}
				return age;
			}
			catch (IllegalArgumentException ex) {
				throw new ParameterException(spec.commandLine(),
						"--older-than takes a positive duration such as 30d or 12h, not '" + olderThan + "'");
			}
		}

		private boolean confirmed(String question) throws IOException {
			spec.commandLine().getOut().print(question);
			spec.commandLine().getOut().flush();
			String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
			return answer != null && List.of("y", "yes").contains(answer.strip().toLowerCase(Locale.ROOT));
		}

	}

}
