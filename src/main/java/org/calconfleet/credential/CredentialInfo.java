package org.calconfleet.credential;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A credential as people see it: everything but the secret. {@code account} is {@code DOMAIN\USER} or empty. */
public record CredentialInfo(String name, CredentialKind kind, @Nullable String account, String createdBy,
                             Instant createdAt, @Nullable Instant lastUsedAt, @Nullable Instant lastRotatedAt) {
}
