/**
 * The Results board: JUnit XML reports from many machines, read by a streaming parser into runs, suites and
 * cases; the original db_engine's queue and files; runs, trends, test history and flaky tests. Uses the jobs
 * feature for its scheduled queue processing, and declares the account feature's upload token scope.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "jobs", "account" })
package dev.tower.results;
