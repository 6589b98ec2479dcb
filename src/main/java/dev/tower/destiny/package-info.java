/**
 * The Destiny board: the original's Vault Raider for Destiny 2. Bungie.net login and tokens, the game's manifest
 * kept current by a recurring job, the vault and characters grouped by bucket, Xûr, and item transfer and equip.
 * Runs on bundled demo data when no Bungie application is configured.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "jobs", "account", "database" })
package dev.tower.destiny;
