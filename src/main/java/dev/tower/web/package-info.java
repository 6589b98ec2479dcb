/** Layout, home page, error pages and API error handling, shared by every board. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "finance")
package dev.tower.web;
