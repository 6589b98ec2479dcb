package dev.tower.destiny.manifest;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Service;

/** The manifest as admins see it: the version serving, the last check, row counts and the history. */
@Service
public class ManifestOverview {

	private static final int HISTORY = 20;

	private final ManifestVersions versions;

	private final ManifestUpdater updater;

	ManifestOverview(ManifestVersions versions, ManifestUpdater updater) {
		this.versions = versions;
		this.updater = updater;
	}

	public ManifestStatus status() {
		ManifestVersion active = versions.active().orElse(null);
		Map<String, Long> rows = new LinkedHashMap<>();
		if (active != null) {
			for (ManifestTable table : ManifestTable.values()) {
				rows.put(table.bungieName(), versions.count(table, active.id()));
			}
		}
		ManifestVersions.Status status = versions.status();
		String source = updater.source() instanceof BungieManifestSource ? "Bungie.net" : "bundled demo manifest";
		return new ManifestStatus(active, status.checkedAt(), status.checkResult(), rows, versions.recent(HISTORY),
				source);
	}

}
