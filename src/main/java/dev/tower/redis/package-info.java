/**
 * What web nodes share through Redis when {@code REDIS_URL} is set (HTTP sessions, the cache, a health check);
 * without it, the same features run in memory. Depends on no other feature.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package dev.tower.redis;
