package dev.tower.results.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Finds report files on this machine: a file as named, every {@code *.xml} and {@code *.xml.gz} below a
 * directory, or the files a glob such as {@code build/test-results/**}{@code /TEST-*.xml} matches. Needs no
 * database, so it also serves {@code tower ingest --server}.
 */
public final class ReportFinder {

	private ReportFinder() {
	}

	/** The files under each of {@code paths}, each once, in a stable order. */
	public static List<QueuedFile> find(List<String> paths, RunInfo run) {
		Map<Path, QueuedFile> found = new LinkedHashMap<>();
		for (String path : paths) {
			List<Path> files = isGlob(path) ? glob(path) : walk(Path.of(path));
			if (files.isEmpty()) {
				throw new InvalidRunException("no report files (*.xml, *.xml.gz) at " + path);
			}
			for (Path file : files) {
				found.computeIfAbsent(file.toAbsolutePath().normalize(), absolute -> describe(absolute, run));
			}
		}
		return new ArrayList<>(found.values());
	}

	/** A run directory's reports, named after the directory unless the run already has a name. */
	static List<Path> walk(Path root) {
		if (Files.isRegularFile(root)) {
			return List.of(root);
		}
		if (!Files.isDirectory(root)) {
			throw new InvalidRunException("no such file or directory: " + root);
		}
		try (Stream<Path> files = Files.find(root, 32, (file, attributes) -> attributes.isRegularFile() && isReport(file))) {
			return files.sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not list " + root, ex);
		}
	}

	private static boolean isGlob(String path) {
		return path.indexOf('*') >= 0 || path.indexOf('?') >= 0 || path.indexOf('[') >= 0 || path.indexOf('{') >= 0;
	}

	/** Walks from the glob's last directory without wildcards and keeps what matches the whole pattern. */
	private static List<Path> glob(String pattern) {
		String normalized = pattern.replace('\\', '/');
		int wildcard = firstWildcard(normalized);
		int slash = normalized.lastIndexOf('/', wildcard);
		Path base = slash < 0 ? Path.of(".") : Path.of(slash == 0 ? "/" : normalized.substring(0, slash));
		String rest = slash < 0 ? normalized : normalized.substring(slash + 1);
		PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + rest);
		if (!Files.isDirectory(base)) {
			return List.of();
		}
		try (Stream<Path> files = Files.find(base, 32,
				(file, attributes) -> attributes.isRegularFile() && matcher.matches(base.relativize(file)))) {
			return files.sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not list " + base, ex);
		}
	}

	private static int firstWildcard(String path) {
		int first = path.length();
		for (char c : new char[] { '*', '?', '[', '{' }) {
			int at = path.indexOf(c);
			if (at >= 0 && at < first) {
				first = at;
			}
		}
		return first;
	}

	static boolean isReport(Path file) {
		String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
		return name.endsWith(".xml") || name.endsWith(".xml.gz");
	}

	private static QueuedFile describe(Path file, RunInfo run) {
		try {
			BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
			return new QueuedFile(file, attributes.size(), attributes.lastModifiedTime().toInstant(), run);
		}
		catch (NoSuchFileException ex) {
			throw new InvalidRunException("no such file: " + file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not read " + file, ex);
		}
	}

}
