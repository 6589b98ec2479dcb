/**
 * The Results board: JUnit XML reports from many machines, read by a streaming parser into runs, suites and
 * cases; the original db_engine's queue and files; runs, trends, test history and flaky tests. Uses the jobs
 * feature for its scheduled queue processing.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "jobs")
package dev.tower.results;
