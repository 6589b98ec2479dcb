/**
 * What features share about the database itself rather than a feature: {@link dev.tower.database.BulkInsert},
 * the bulk-row writer behind test cases and manifest definitions, and {@link dev.tower.database.Database}, which
 * tells PostgreSQL from H2. Depends on no feature.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package dev.tower.database;
