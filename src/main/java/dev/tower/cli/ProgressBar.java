package dev.tower.cli;

import java.io.PrintWriter;

import dev.tower.results.ingest.IngestProgress;

/**
 * A one-line progress bar on a terminal ({@code [#######.....]  58%  31/54 files  1.2 GB/2.1 GB}), redrawn at
 * most ten times a second; where the output is a log rather than a terminal, a line every 10 %.
 */
final class ProgressBar implements IngestProgress {

	private static final int WIDTH = 30;

	private final PrintWriter out;

	private final boolean terminal;

	private long lastDraw;

	private int lastDecile = -1;

	/** What the counted units are called: files, tables … */
	private final String units;

	ProgressBar(PrintWriter out, boolean terminal) {
		this(out, terminal, "files");
	}

	ProgressBar(PrintWriter out, boolean terminal, String units) {
		this.out = out;
		this.terminal = terminal;
		this.units = units;
	}

	@Override
	public synchronized void advanced(long bytes, long totalBytes, long files, long totalFiles) {
		if (totalFiles == 0) {
			return; // nothing to read: the summary says so
		}
		double fraction = totalBytes > 0 ? Math.min(1.0, (double) bytes / totalBytes)
				: totalFiles > 0 ? (double) files / totalFiles : 1.0;
		boolean finished = files == totalFiles;
		if (terminal) {
			long now = System.nanoTime();
			if (!finished && now - lastDraw < 100_000_000L && lastDraw != 0) {
				return;
			}
			lastDraw = now;
			int filled = (int) Math.round(fraction * WIDTH);
			out.printf("\r[%s%s] %3d%%  %,d/%,d %s  %s ", "#".repeat(filled), ".".repeat(WIDTH - filled),
					Math.round(fraction * 100), files, totalFiles, units, sizes(bytes, totalBytes));
			if (finished) {
				out.println();
			}
		}
		else {
			int decile = (int) (fraction * 10);
			if (decile > lastDecile && (decile > 0 || files == 0)) {
				lastDecile = decile;
				out.printf("%3d%%  %,d/%,d %s  %s%n", decile * 10, files, totalFiles, units, sizes(bytes, totalBytes));
			}
		}
		out.flush();
	}

	/** "1.2 GB/2.1 GB", just what was read when the total is not known, or nothing when no bytes are counted. */
	private static String sizes(long bytes, long totalBytes) {
		if (bytes == 0 && totalBytes == 0) {
			return ""; // counting units, not reading bytes
		}
		return totalBytes > 0 ? size(bytes) + "/" + size(totalBytes) : size(bytes);
	}

	static String size(long bytes) {
		if (bytes < 1024) {
			return bytes + " B";
		}
		String units = "KMGT";
		double value = bytes;
		int unit = -1;
		while (value >= 1024 && unit < units.length() - 1) {
			value /= 1024;
			unit++;
		}
		return "%.1f %sB".formatted(value, units.charAt(unit));
	}

}
