package dev.tower.destiny.manifest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.util.function.LongConsumer;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import dev.tower.database.BulkInsert;

/**
 * Streams one manifest table (a JSON object of hash → definition) into its rows of one version, one definition in
 * memory at a time, whatever the size of the table.
 */
final class TableLoader {

	private final JsonMapper json;

	/** One definition at a time out of the table: what follows it is the next one, not trailing garbage. */
	private final ObjectReader definitions;

	TableLoader(JsonMapper json) {
		this.json = json;
		this.definitions = json.readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
	}

	record Loaded(long rows, long bytes) {
	}

	/**
	 * Reads {@code in} to its end. {@code bytesRead} hears how far it got now and then. A broken stream is an
	 * {@link IOException}; content that is not a table is a {@link MalformedManifestException}.
	 */
	Loaded load(ManifestTable table, InputStream in, long versionId, BulkInsert rows, LongConsumer bytesRead)
			throws IOException, SQLException {
		Counting counted = new Counting(in);
		long count = 0;
		try (JsonParser parser = json.createParser(counted)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw malformed(table, "it is not a JSON object of definitions");
			}
			JsonToken token;
			while ((token = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
				String key = parser.currentName();
				long hash = hash(table, key);
				if (parser.nextToken() != JsonToken.START_OBJECT) {
					throw malformed(table, "the definition of " + key + " is not a JSON object");
				}
				JsonNode definition = definitions.readValue(parser);
				rows.value(versionId).value(hash);
				for (Object value : table.extract(definition)) {
					rows.value(value);
				}
				rows.value(json.writeValueAsString(definition)).endRow();
				if ((++count & 255) == 0) {
					bytesRead.accept(counted.count);
				}
			}
			if (token != JsonToken.END_OBJECT) {
				throw malformed(table, "it ends before its last definition");
			}
			if (parser.nextToken() != null) {
				throw malformed(table, "there is more after the table's closing brace");
			}
		}
		catch (JacksonException ex) {
			if (ex.getCause() instanceof IOException broken) {
				throw broken;
			}
			throw new MalformedManifestException("%s is not valid JSON after %,d definitions: %s"
				.formatted(table.bungieName(), count, ex.getOriginalMessage()), ex);
		}
		rows.flush();
		bytesRead.accept(counted.count);
		return new Loaded(count, counted.count);
	}

	private static long hash(ManifestTable table, String key) {
		try {
			long hash = Long.parseLong(key);
			if (hash >= 0 && hash <= 0xFFFF_FFFFL) {
				return hash;
			}
		}
		catch (NumberFormatException ignored) {
			// reported below
		}
		throw malformed(table, "'" + (key.length() > 40 ? key.substring(0, 40) + "…" : key)
				+ "' is not an unsigned 32-bit hash");
	}

	private static MalformedManifestException malformed(ManifestTable table, String why) {
		return new MalformedManifestException(table.bungieName() + " cannot be read: " + why);
	}

	/** Counts what the parser has read, for progress. */
	private static final class Counting extends FilterInputStream {

		long count;

		Counting(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				count++;
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				count += n;
			}
			return n;
		}

	}

}
