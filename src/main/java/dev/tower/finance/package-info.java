/** The Finance board: companies, quarterly earnings, import, API, compatibility routes and pages. Depends on no other feature. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package dev.tower.finance;
