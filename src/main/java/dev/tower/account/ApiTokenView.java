package dev.tower.account;

import java.time.Instant;

/** A token as its owner sees it later: name and prefix, never the secret. */
public record ApiTokenView(long id, String name, String prefix, Instant createdAt, Instant lastUsedAt) {
}
