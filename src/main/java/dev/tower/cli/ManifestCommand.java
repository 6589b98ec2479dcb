package dev.tower.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import dev.tower.destiny.manifest.ManifestCheck;
import dev.tower.destiny.manifest.ManifestOverview;
import dev.tower.destiny.manifest.ManifestStatus;
import dev.tower.destiny.manifest.ManifestUpdater;
import dev.tower.destiny.manifest.ManifestVersion;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code tower manifest update | status}: the Destiny manifest from the command line. */
@Command(name = "manifest", mixinStandardHelpOptions = true,
		description = "The Destiny manifest: check for a new version and install it, or show the one serving.",
		subcommands = { ManifestCommand.Update.class, ManifestCommand.Status.class })
class ManifestCommand {

	@ParentCommand
	TowerCommand root;

	@Command(name = "update", mixinStandardHelpOptions = true,
			description = { "Check Bungie.net (or, without BUNGIE_* settings, the bundled demo manifest) and, when it "
					+ "offers a new version, download it into the database here and now, with a progress bar.",
					"Running servers switch to the new version at once." })
	static class Update implements Callable<Integer> {

		@ParentCommand
		ManifestCommand manifest;

		@Spec
		CommandSpec spec;

		@Override
		public Integer call() {
			PrintWriter err = spec.commandLine().getErr();
			ProgressBar bar = new ProgressBar(err, System.console() != null, "tables");
			try (ConfigurableApplicationContext context = TowerContext.command(manifest.root)) {
				ManifestCheck check = context.getBean(ManifestUpdater.class)
					.check((bytes, estimate, tables, total) -> bar.advanced(bytes, estimate > 0 ? Math.max(estimate, bytes) : 0, tables, total));
				spec.commandLine().getOut().println(check.summary());
				return check.outcome() == ManifestCheck.Outcome.BUSY ? 1 : 0;
			}
			catch (RuntimeException ex) {
				err.println();
				err.println("tower: the manifest was not updated (the previous version still serves): " + ex.getMessage());
				return 1;
			}
		}

	}

	@Command(name = "status", mixinStandardHelpOptions = true, description = "Show the manifest version serving now.")
	static class Status implements Callable<Integer> {

		@ParentCommand
		ManifestCommand manifest;

		@Spec
		CommandSpec spec;

		@Override
		public Integer call() {
			PrintWriter out = spec.commandLine().getOut();
			try (ConfigurableApplicationContext context = TowerContext.command(manifest.root)) {
				ManifestStatus status = context.getBean(ManifestOverview.class).status();
				ManifestVersion active = status.active();
				if (active == null) {
					out.println("No manifest installed yet (source: " + status.source() + ").");
					return 1;
				}
				out.printf("Active: %s%n", active.versionKey());
				if (active.bungieVersion() != null) {
					out.printf("Bungie's version: %s%n", active.bungieVersion());
				}
				out.printf("Installed: %s, %,d definitions, %s%n", active.activatedAt(), active.rows(),
						ProgressBar.size(active.bytes()));
				out.printf("Last checked: %s%s%n", status.checkedAt() == null ? "never" : status.checkedAt(),
						status.checkResult() == null ? "" : " (" + status.checkResult() + ")");
				status.rows().forEach((table, rows) -> out.printf("  %-34s %,10d%n", table, rows));
				out.println("Source: " + status.source());
				return 0;
			}
		}

	}

}
