package dev.tower.results.upload;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.tower.results.ingest.FileOutcome;
import dev.tower.results.ingest.IngestProgress;
import dev.tower.results.ingest.IngestSummary;
import dev.tower.results.ingest.QueuedFile;
import dev.tower.results.ingest.RunInfo;

/**
 * {@code tower ingest --server URL --token T}: pushes report files to a Tower server's upload API, one request
 * per file, streamed from disk. Needs no database and no Spring context.
 */
public final class RemoteIngest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final URI endpoint;

	private final String token;

	private final HttpClient http;

	public RemoteIngest(String server, String token) {
		String base = server.endsWith("/") ? server.substring(0, server.length() - 1) : server;
		try {
			this.endpoint = URI.create(base + "/api/v1/results");
		}
		catch (IllegalArgumentException ex) {
			throw new UploadFailedException("not a server URL: " + server);
		}
		if (endpoint.getScheme() == null || !endpoint.getScheme().matches("https?")) {
			throw new UploadFailedException("the server URL must start with http:// or https://: " + server);
		}
		this.token = token;
		this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
	}

	/** Uploads the files one after the other; stops at the first failure that would stop them all. */
	public IngestSummary uploadAll(java.util.List<QueuedFile> files, IngestProgress progress) {
		IngestSummary summary = new IngestSummary();
		long totalBytes = files.stream().mapToLong(QueuedFile::size).sum();
		long bytes = 0;
		progress.advanced(0, totalBytes, 0, files.size());
		for (int i = 0; i < files.size(); i++) {
			QueuedFile file = files.get(i);
			summary.add(upload(file), file.size());
			bytes += file.size();
			progress.advanced(bytes, totalBytes, i + 1, files.size());
		}
		return summary;
	}

	/** Uploads one file into its run; a file the server refuses comes back as a rejected outcome. */
	public FileOutcome upload(QueuedFile file) {
		RunInfo run = file.run();
		Map<String, String> query = new LinkedHashMap<>();
		query.put("run", run.name());
		query.put("owner", run.owner());
		query.put("site", run.site());
		query.put("host", run.host());
		query.put("runTag", run.runTag());
		if (run.userTag() != null) {
			query.put("userTag", run.userTag());
		}
		query.put("runDir", run.runDir());
		query.put("file", file.path().toString());
		String encoded = query.entrySet().stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpResponse<String> response;
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint + "?" + encoded))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", contentType(file))
				.header("Accept", "application/json")
				.timeout(Duration.ofMinutes(30))
				.POST(HttpRequest.BodyPublishers.ofFile(file.path()))
				.build();
			response = http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (FileNotFoundException ex) {
			return FileOutcome.rejected(file.path().toString(), "the file is not there (any more)", null, null);
		}
		catch (ConnectException ex) {
			throw new UploadFailedException("cannot connect to " + endpoint.getHost() + ":" + endpoint.getPort()
					+ " (is Tower running there?)");
		}
		catch (HttpTimeoutException ex) {
			throw new UploadFailedException("the server did not answer in time: " + endpoint);
		}
		catch (IOException ex) {
			throw new UploadFailedException("the upload to " + endpoint + " failed: " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new UploadFailedException("interrupted");
		}
		return outcome(file, response);
	}

	private FileOutcome outcome(QueuedFile file, HttpResponse<String> response) {
		int status = response.statusCode();
		String detail = detail(response.body());
		return switch (status) {
			case 200 -> JSON.readValue(response.body(), UploadResponse.class).files().get(0);
			case 400, 413, 415, 422 -> FileOutcome.rejected(file.path().toString(), detail, null, null);
			case 401 -> throw new UploadFailedException("the server does not know this token (revoked or mistyped)");
			case 403 -> throw new UploadFailedException("this token may not upload results: issue one with --scope upload");
			case 404 -> throw new UploadFailedException("no Tower upload API at " + endpoint + "; check the server URL");
			default -> throw new UploadFailedException("the server answered " + status + (detail.isEmpty() ? "" : ": " + detail));
		};
	}

	private static String detail(String body) {
		try {
			JsonNode problem = JSON.readTree(body);
			JsonNode detail = problem == null ? null : problem.get("detail");
			return detail == null ? "" : detail.asString();
		}
		catch (JacksonException ex) {
			return "";
		}
	}

	private static String contentType(QueuedFile file) {
		String name = file.path().getFileName().toString().toLowerCase(Locale.ROOT);
		return name.endsWith(".gz") ? "application/gzip" : name.endsWith(".zip") ? "application/zip" : "application/xml";
	}

	/** A failure every further upload would meet too (server down, bad token): the command stops. */
	public static class UploadFailedException extends RuntimeException {

		public UploadFailedException(String message) {
			super(message);
		}

	}

}
