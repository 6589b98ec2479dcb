package dev.tower.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
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

	/** Blocks until the server shuts down (SIGTERM, or the context closing), then reports success. */
	static int serve(TowerCommand root, List<String> springArgs) throws InterruptedException {
		ConfigurableApplicationContext context = TowerContext.start(root, true, springArgs.toArray(String[]::new));
		CountDownLatch closed = new CountDownLatch(1);
		context.addApplicationListener(event -> {
			if (event instanceof ContextClosedEvent) {
				closed.countDown();
			}
		});
		if (context.isActive()) {
			closed.await();
		}
		return 0;
	}

}
