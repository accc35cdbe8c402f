package org.calconfleet.security;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A token as its owner and the administrator see it in lists: everything but the secret, which is not kept. */
public record ApiTokenInfo(long id, String owner, String name, Instant createdAt, @Nullable Instant expiresAt,
                           @Nullable Instant lastUsedAt) {

    static ApiTokenInfo of(ApiToken token) {
        return new ApiTokenInfo(token.id(), token.owner().getUsername(), token.name(), token.createdAt(),
                token.expiresAt(), token.lastUsedAt());
    }

    public boolean isExpiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
