package dev.tower.database;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import dev.tower.SlowTest;
import dev.tower.TowerApplication;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In development, commands share the H2 file with a running server through H2's AUTO_SERVER, which opens a TCP port:
 * on the loopback interface only, never on every interface of the developer's machine.
 */
class DevelopmentDatabaseTests {

	@SlowTest
	void theSharedH2FileListensOnLoopbackOnly(@TempDir Path data) throws Exception {
		Path log = data.resolve("worker.log");
		Process worker = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
				"-cp", System.getProperty("java.class.path"), TowerApplication.class.getName(), "--profile", "development",
				"worker", "--spring.datasource.url=jdbc:h2:file:" + data.resolve("tower")
						+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE")
			.redirectErrorStream(true).redirectOutput(log.toFile()).start();
		try {
			String server = null;
			for (int i = 0; i < 240 && server == null && worker.isAlive(); i++) {
				Thread.sleep(500);
				server = lockFileServer(data.resolve("tower.lock.db"));
			}
			assertThat(server).as("the AUTO_SERVER address in the lock file; the worker's log:%n%s",
					Files.exists(log) ? Files.readString(log) : "").isNotNull();

			assertThat(server).as("where other processes are told to connect").matches("(127\\.0\\.0\\.1|localhost):\\d+");
			String port = "%04X".formatted(Integer.parseInt(server.substring(server.indexOf(':') + 1)));
			// Listening sockets (state 0A) on that port: the kernel's word on which address each is bound to.
			List<String> listening = new ArrayList<>();
			for (String table : new String[] { "/proc/net/tcp", "/proc/net/tcp6" }) {
				Files.readAllLines(Path.of(table)).stream().skip(1).map(line -> line.trim().split("\\s+"))
					.filter(fields -> fields[1].endsWith(":" + port) && fields[3].equals("0A"))
					.forEach(fields -> listening.add(fields[1].substring(0, fields[1].indexOf(':'))));
			}
			// 127.0.0.1, as IPv4 or IPv4-mapped IPv6 (never 0.0.0.0 or ::, every interface)
			assertThat(listening).isNotEmpty().allMatch(address -> address.equals("0100007F")
					|| address.equals("0000000000000000FFFF00000100007F"), "bound to 127.0.0.1");
		}
		finally {
			worker.destroyForcibly().waitFor();
		}
	}

	private static String lockFileServer(Path lockFile) {
		Properties lock = new Properties();
		try (InputStream in = Files.newInputStream(lockFile)) {
			lock.load(in);
		}
		catch (IOException ex) {
			return null;
		}
		return lock.getProperty("server");
	}

}
