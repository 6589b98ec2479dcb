package dev.tower.results.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The original db_engine's schedule file: a JSON list of run directories with who and where they come from,
 * {@code [{"RUN_DIR": "...", "OWNER": "...", "SITE": "...", "HOST_MACHINE": "...", "run_tag": "...",
 * "user_tag": "..."}]}. An optional {@code RUN_NAME} names the run; by default it is the directory's name.
 */
public final class ScheduleFile {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ScheduleFile() {
	}

	/** Every report file of every entry, with the entry's run. */
	public static List<QueuedFile> read(Path scheduleFile) {
		JsonNode root;
		try (var in = Files.newInputStream(scheduleFile)) {
			root = JSON.readTree(in);
		}
		catch (IOException ex) {
			throw new InvalidRunException("cannot read the schedule file " + scheduleFile + ": " + ex.getMessage());
		}
		catch (JacksonException ex) {
			throw new InvalidRunException("the schedule file is not valid JSON: " + ex.getOriginalMessage());
		}
		if (root == null || !root.isArray()) {
			throw new InvalidRunException("the schedule file must hold a JSON list of entries with RUN_DIR, OWNER, SITE and HOST_MACHINE");
		}
		List<QueuedFile> files = new ArrayList<>();
		for (int i = 0; i < root.size(); i++) {
			JsonNode entry = root.get(i);
			try {
				String runDir = text(entry, "RUN_DIR");
				if (runDir == null) {
					throw new InvalidRunException("a RUN_DIR is required");
				}
				Path dir = scheduleFile.toAbsolutePath().getParent().resolve(runDir);
				String name = text(entry, "RUN_NAME");
				RunInfo run = new RunInfo(name != null ? name : String.valueOf(dir.normalize().getFileName()),
						text(entry, "OWNER"), text(entry, "SITE"), text(entry, "HOST_MACHINE"), text(entry, "run_tag"),
						text(entry, "user_tag"), runDir);
				files.addAll(ReportFinder.find(List.of(dir.toString()), run));
			}
			catch (InvalidRunException ex) {
				throw new InvalidRunException("schedule entry " + (i + 1) + ": " + ex.getMessage());
			}
		}
		return files;
	}

	private static String text(JsonNode entry, String field) {
		JsonNode value = entry == null ? null : entry.get(field);
		return value == null || value.isNull() ? null : value.asString();
	}

}
