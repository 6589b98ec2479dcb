/**
 * Result files into the database: the ingest queue, the processor that works through it, the ingester that
 * stores one file in one transaction, finding files and reading schedule files, and the demo runs. Named so the
 * command line can queue and ingest files.
 */
@org.springframework.modulith.NamedInterface("ingest")
package dev.tower.results.ingest;
