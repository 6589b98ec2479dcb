/**
 * The Destiny manifest: kept current by the {@code destiny-manifest} task, streamed into the database version by
 * version, served through {@link dev.tower.destiny.manifest.Definitions}. Named so the command line can run an
 * update and show the status.
 */
@org.springframework.modulith.NamedInterface("manifest")
package dev.tower.destiny.manifest;
