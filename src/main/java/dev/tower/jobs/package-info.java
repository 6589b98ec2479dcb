/**
 * Background jobs on JobRunr: tasks other features contribute, their schedules from configuration, on-demand
 * runs with live progress, retries, housekeeping, and notifications (recorded, and sent to Slack when configured).
 * Depends on no other feature.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package dev.tower.jobs;
