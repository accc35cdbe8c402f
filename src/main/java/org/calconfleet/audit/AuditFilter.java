package org.calconfleet.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What the audit view is narrowed to; every part is optional. */
public record AuditFilter(@Nullable String subject, @Nullable String actor, @Nullable AuditAction action,
                          @Nullable Instant from, @Nullable Instant to) {

    public static final AuditFilter ALL = new AuditFilter(null, null, null, null, null);

    public static AuditFilter forSubject(String subject) {
        return new AuditFilter(subject, null, null, null, null);
    }

    /** The same subject, actor and action, from {@code from} (included) to {@code to} (excluded). */
    public AuditFilter during(Instant from, Instant to) {
        return new AuditFilter(subject, actor, action, from, to);
    }
}
