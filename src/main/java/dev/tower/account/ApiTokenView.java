package dev.tower.account;

import java.time.Instant;

/** A token as its owner sees it later: name, prefix and scope, never the secret. */
public record ApiTokenView(long id, String name, String prefix, TokenScope scope, Instant createdAt, Instant lastUsedAt) {
}
