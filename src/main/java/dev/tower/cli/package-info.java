/** The command line: run modes and one-shot admin commands over the features' public services. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "account", "finance", "results", "results :: ingest", "results :: upload", "destiny :: manifest" })
package dev.tower.cli;
