/**
 * The Results board: JUnit XML reports from many machines, read by a streaming parser into runs, suites and
 * cases; the original db_engine's queue and files; runs, trends, test history and flaky tests. Uses the jobs
 * feature for its scheduled queue processing, and account's token scopes for the test machines' upload token.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "jobs", "account" })
package dev.tower.results;
