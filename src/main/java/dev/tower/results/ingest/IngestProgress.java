package dev.tower.results.ingest;

/** Hears how far an ingestion, local or pushed to a server, has got: bytes read and files done. */
public interface IngestProgress {

	IngestProgress NONE = (bytes, totalBytes, files, totalFiles) -> {
	};

	void advanced(long bytes, long totalBytes, long files, long totalFiles);

}
