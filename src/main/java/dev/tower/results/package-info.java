/**
 * The Results board: JUnit XML reports from many machines, read by a streaming parser into runs, suites and
 * cases; the original db_engine's queue and files; runs, trends, test history and flaky tests. Here its queries,
 * pages, API and settings; {@code report/} reads a report, {@code ingest/} queues and stores result files,
 * {@code upload/} takes them over HTTP and pushes them to a server. Uses the jobs feature for its scheduled queue
 * processing, and the shared database module for its bulk writes.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "jobs", "database" })
package dev.tower.results;
