package dev.tower.destiny.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.zip.CRC32;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The demo manifest bundled with Tower: {@code <Table>.json} files in Bungie's format under
 * {@code tower.destiny.manifest.demo-location}. Its version is {@code demo-} and the content of {@code version.txt}
 * there, or a checksum of the tables when there is none, so a changed demo manifest is installed again.
 */
@Component
class BundledManifestSource implements ManifestSource {

	private final ResourceLoader resources;

	private final String location;

	BundledManifestSource(ResourceLoader resources,
			@Value("${tower.destiny.manifest.demo-location:classpath:destiny/demo/manifest/}") String location) {
		this.resources = resources;
		this.location = location.endsWith("/") ? location : location + "/";
	}

	/** Whether the bundled tables are there at all (at least the item table). */
	boolean available() {
		return resource(ManifestTable.ITEMS.bungieName() + ".json").exists();
	}

	@Override
	public ManifestRelease latest() {
		if (!available()) {
			throw new MalformedManifestException("there is no bundled demo manifest at " + location);
		}
		Map<ManifestTable, String> paths = new EnumMap<>(ManifestTable.class);
		for (ManifestTable table : ManifestTable.values()) {
			paths.put(table, table.bungieName() + ".json");
		}
		return new ManifestRelease(version(paths), null, Kind.DEMO, paths);
	}

	@Override
	public InputStream open(ManifestRelease release, ManifestTable table) throws IOException {
		Resource file = resource(release.paths().get(table));
		// A demo set may leave a table out: an empty table is what Bungie would send for it.
		return file.exists() ? file.getInputStream() : new java.io.ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8));
	}

	private String version(Map<ManifestTable, String> paths) {
		Resource version = resource("version.txt");
		try {
			if (version.exists()) {
				return "demo-" + version.getContentAsString(StandardCharsets.UTF_8).trim();
			}
			CRC32 crc = new CRC32();
			for (String path : paths.values()) {
				Resource file = resource(path);
				if (file.exists()) {
					try (InputStream in = file.getInputStream()) {
						crc.update(in.readAllBytes());
					}
				}
			}
			return "demo-" + Long.toHexString(crc.getValue());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not read the bundled demo manifest at " + location, ex);
		}
	}

	private Resource resource(String name) {
		return resources.getResource(location + name);
	}

}
