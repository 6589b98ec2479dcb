package dev.tower.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Unmatched;

@Command(name = "serve", mixinStandardHelpOptions = true,
		description = "Serve the pages and the JSON API until stopped (the default command).")
class ServeCommand implements Callable<Integer> {

	@ParentCommand
	TowerCommand root;

	@Unmatched
	List<String> springArgs = new ArrayList<>();

	@Override
	public Integer call() throws InterruptedException {
		return serve(root, springArgs);
	}

	static int serve(TowerCommand root, List<String> springArgs) throws InterruptedException {
		TowerContext.awaitClose(TowerContext.start(root, TowerContext.Mode.SERVER, springArgs));
		return 0;
	}

}
