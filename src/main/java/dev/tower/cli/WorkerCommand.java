package dev.tower.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Unmatched;

/** The original's Celery worker and beat in one: run as many as you like against one database. */
@Command(name = "worker", mixinStandardHelpOptions = true,
		description = { "Run background jobs and recurring schedules until stopped; opens no HTTP port.",
				"Start as many workers as the load needs: they share the jobs through the database." })
class WorkerCommand implements Callable<Integer> {

	@ParentCommand
	TowerCommand root;

	@Unmatched
	List<String> springArgs = new ArrayList<>();

	@Override
	public Integer call() throws InterruptedException {
		TowerContext.awaitClose(TowerContext.start(root, TowerContext.Mode.WORKER, springArgs));
		return 0;
	}

}
