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
		System.exit(TowerCommand.execute(TowerApplication.class, args));
	}

}
