/**
 * The Results board: JUnit XML reports from many machines, read by a streaming parser into runs, suites and
 * cases; the original db_engine's queue and files; runs, trends, test history and flaky tests. Here its queries,
 * pages, API, settings and access rules; {@code report/} reads a report, {@code ingest/} queues and stores result
 * files, {@code upload/} takes them over HTTP and pushes them to a server. Uses the jobs feature for its scheduled
 * queue processing, the shared database module for its bulk writes, and account's token scopes for the test
 * machines' upload token.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "jobs", "database", "account" })
package dev.tower.results;
