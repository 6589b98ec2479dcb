/**
 * Result files over HTTP: the upload API that test machines push reports to, and the client that pushes them
 * ({@code tower ingest --server}). Named so the command line can push.
 */
@org.springframework.modulith.NamedInterface("upload")
package dev.tower.results.upload;
