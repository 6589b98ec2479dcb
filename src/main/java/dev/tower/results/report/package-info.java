/**
 * Reading a JUnit-family report: a streaming, hardened parser that hands suites and cases to a listener in
 * constant memory. No Spring and no database here.
 */
package dev.tower.results.report;
