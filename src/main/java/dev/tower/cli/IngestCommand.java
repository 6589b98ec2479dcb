package dev.tower.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import dev.tower.results.ingest.IngestQueue;
import dev.tower.results.ingest.IngestSummary;
import dev.tower.results.ingest.InvalidRunException;
import dev.tower.results.ingest.QueueProcessor;
import dev.tower.results.ingest.QueuedFile;
import dev.tower.results.ingest.ReportFinder;
import dev.tower.results.ingest.RunInfo;
import dev.tower.results.ingest.ScheduleFile;
import dev.tower.results.upload.RemoteIngest;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** The original's db_engine: queues result files and, unless told to leave them, ingests them at once. */
@Command(name = "ingest", mixinStandardHelpOptions = true, sortOptions = false,
		description = { "Load JUnit XML test results into Tower: from a schedule file (the original db_engine's "
				+ "queue_file.json) or from files, directories (every *.xml and *.xml.gz below) and globs.",
				"Files go through the ingest queue; the same file is never stored twice. With --server, the files "
						+ "are uploaded to a Tower server instead of written to the database." },
		footer = { "", "Examples:", "  tower ingest --production --schedule-file queue.json",
				"  tower ingest build/test-results --run nightly-1234 --site lab --user-tag v2.3.1",
				"  tower ingest --server https://tower.example.com --token $TOWER_TOKEN 'target/surefire-reports/*.xml'" })
class IngestCommand implements Callable<Integer> {

	@ParentCommand
	TowerCommand root;

	@Spec
	CommandSpec spec;

	@Option(names = "--schedule-file", paramLabel = "FILE",
			description = "JSON list of {RUN_DIR, OWNER, SITE, HOST_MACHINE, run_tag, user_tag, RUN_NAME} entries")
	Path scheduleFile;

	@Parameters(paramLabel = "PATH", arity = "0..*", description = "Report files, directories or globs")
	List<String> paths = List.of();

	@Option(names = "--run", paramLabel = "NAME", description = "Run name (default: the directory's name)")
	String run;

	@Option(names = "--owner", description = "Who the results belong to (default: ${sys:user.name})")
	String owner = System.getProperty("user.name");

	@Option(names = "--site", description = "Where they were produced (default: ${DEFAULT-VALUE})")
	String site = "default";

	@Option(names = "--host", description = "The machine they come from (default: this one)")
	String host;

	@Option(names = "--run-tag", paramLabel = "TAG", description = "default: " + RunInfo.DEFAULT_RUN_TAG)
	String runTag;

	@Option(names = "--user-tag", paramLabel = "TAG", description = "e.g. the version or commit under test")
	String userTag;

	@Option(names = "--leave-queued", description = "Only queue the files; the scheduled job (results-queue) ingests them")
	boolean leaveQueued;

	@Option(names = "--threads", description = "Files ingested at once (default: ${DEFAULT-VALUE})")
	int threads = 2;

	@ArgGroup(exclusive = false)
	Remote remote;

	static class Remote {

		@Option(names = "--server", required = true, paramLabel = "URL", description = "Upload to this Tower server")
		String server;

		@Option(names = "--token", required = true, description = "An API token with the upload scope (tower user token NAME --scope upload)")
		String token;

	}

	@Override
	public Integer call() {
		var err = spec.commandLine().getErr();
		List<QueuedFile> files;
		try {
			files = files();
		}
		catch (InvalidRunException ex) {
			err.println("tower: nothing ingested: " + ex.getMessage());
			return 1;
		}
		ProgressBar progress = new ProgressBar(err, System.console() != null);
		IngestSummary summary;
		if (remote != null) {
			try {
				summary = new RemoteIngest(remote.server, remote.token).uploadAll(files, progress);
			}
			catch (RemoteIngest.UploadFailedException ex) {
				err.println("tower: upload stopped: " + ex.getMessage());
				return 1;
			}
		}
		else {
			try (ConfigurableApplicationContext context = TowerContext.command(root)) {
				if (leaveQueued) {
					List<Long> queued = context.getBean(IngestQueue.class).enqueue(files);
					spec.commandLine().getOut().printf("Queued %,d file%s (%,d already queued or ingested); the results-queue job will ingest them.%n",
							queued.size(), queued.size() == 1 ? "" : "s", files.size() - queued.size());
					return 0;
				}
				summary = context.getBean(QueueProcessor.class).ingest(files, threads, progress,
						waiting -> err.println("tower: " + waiting));
				long skipped = files.size() - summary.files();
				if (skipped > 0) {
					spec.commandLine().getOut().printf("%,d file%s already ingested: skipped.%n", skipped, skipped == 1 ? "" : "s");
				}
			}
		}
		spec.commandLine().getOut().println(summary);
		summary.problems().forEach(problem -> err.printf("tower: %s: %s%n", problem.file(), problem.reason()));
		if (summary.failed() > 0) {
			err.printf("tower: %,d file%s could not be read and %s left in the queue; run the same command again to retry.%n",
					summary.failed(), summary.failed() == 1 ? "" : "s", summary.failed() == 1 ? "is" : "are");
		}
		return summary.rejected() + summary.failed() == 0 ? 0 : 1;
	}

	private List<QueuedFile> files() {
		if ((scheduleFile == null) == paths.isEmpty()) {
			throw new InvalidRunException("give either --schedule-file FILE or one or more PATHs");
		}
		if (scheduleFile != null) {
			return ScheduleFile.read(scheduleFile);
		}
		RunInfo info = new RunInfo(run != null ? run : defaultRunName(paths.get(0)), owner, site,
				host != null ? host : localHost(), runTag, userTag, paths.get(0));
		return ReportFinder.find(paths, info);
	}

	/** The directory the first path names or lies in, without any glob part. */
	private static String defaultRunName(String path) {
		String plain = path.replace('\\', '/').replaceAll("/?[^/]*[*?\\[{].*$", "");
		Path dir = Path.of(plain.isEmpty() ? "." : plain).toAbsolutePath().normalize();
		if (Files.isRegularFile(dir)) {
			dir = dir.getParent();
		}
		return dir.getFileName() == null ? "run" : dir.getFileName().toString();
	}

	private static String localHost() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "localhost";
		}
	}

}
