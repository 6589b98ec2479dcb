package dev.tower.destiny.manifest;

import java.io.IOException;
import java.io.InputStream;

/** Where manifests come from: Bungie.net, or the demo tables bundled with Tower when Bungie is not configured. */
interface ManifestSource {

	enum Kind {

		BUNGIE, DEMO

	}

	/** The manifest on offer now. */
	ManifestRelease latest();

	/** One of its tables, as a stream the caller closes. */
	InputStream open(ManifestRelease release, ManifestTable table) throws IOException;

}
