package dev.tower;

import dev.tower.cli.TowerCommand;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cache.annotation.EnableCaching;

/**
 * One jar, several run modes: the command line decides whether this JVM serves pages,
 * or runs a one-shot admin command against the same data layer and configuration.
 */
@SpringBootApplication
@EnableCaching
public class TowerApplication {

	public static void main(String[] args) {
		// H2's AUTO_SERVER (development: commands share the file with a running server) would listen on every
		// interface; H2 reads this once, before its first connection.
		if (System.getProperty("h2.bindAddress") == null) {
			System.setProperty("h2.bindAddress", "127.0.0.1");
		}
		System.exit(TowerCommand.execute(TowerApplication.class, args));
	}

}
