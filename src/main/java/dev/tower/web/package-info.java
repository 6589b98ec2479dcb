/** Layout, home page, error pages and API error handling, shared by every board. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "account", "finance", "results" })
package dev.tower.web;
