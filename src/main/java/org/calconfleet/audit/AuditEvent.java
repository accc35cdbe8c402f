package org.calconfleet.audit;

import org.jspecify.annotations.Nullable;

/** An act to be recorded; the trail adds the time, the position in the chain and the hashes. */
public record AuditEvent(String actor, AuditAction action, String subject,
                         @Nullable String before, @Nullable String after, @Nullable String reason) {

    public static AuditEvent of(String actor, AuditAction action, String subject) {
        return new AuditEvent(actor, action, subject, null, null, null);
    }

    public AuditEvent change(@Nullable String before, @Nullable String after) {
        return new AuditEvent(actor, action, subject, before, after, reason);
    }

    public AuditEvent because(@Nullable String why) {
        return new AuditEvent(actor, action, subject, before, after, why);
    }
}
