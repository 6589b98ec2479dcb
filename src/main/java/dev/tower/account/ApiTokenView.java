package dev.tower.account;

import java.time.Instant;

record ApiTokenView(long id, String name, String prefix, Instant createdAt, Instant lastUsedAt) {
}
