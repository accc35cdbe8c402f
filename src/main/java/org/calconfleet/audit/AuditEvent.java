package org.calconfleet.audit;

import org.calconfleet.i18n.StoredMessage;
import org.jspecify.annotations.Nullable;

/**
 * An act to be recorded; the trail adds the time, the position in the chain and the hashes. Before and after are
 * stored messages (codes with typed arguments, rendered when read); a reason is what a user typed, as typed, or a
 * stored message when the console gives it.
 */
public record AuditEvent(String actor, AuditAction action, String subject,
                         @Nullable String before, @Nullable String after, @Nullable String reason) {

    public static AuditEvent of(String actor, AuditAction action, String subject) {
        return new AuditEvent(actor, action, subject, null, null, null);
    }

    public AuditEvent change(@Nullable StoredMessage before, @Nullable StoredMessage after) {
        return change(json(before), json(after));
    }

    /** Values already stored as {@link StoredMessage#toJson()}. */
    public AuditEvent change(@Nullable String before, @Nullable String after) {
        return new AuditEvent(actor, action, subject, before, after, reason);
    }

    /** The reason a user gave, kept as typed. */
    public AuditEvent because(@Nullable String why) {
        return new AuditEvent(actor, action, subject, before, after, why);
    }

    /** A reason the console gives itself. */
    public AuditEvent because(@Nullable StoredMessage why) {
        return because(json(why));
    }

    private static @Nullable String json(@Nullable StoredMessage value) {
        return value == null ? null : value.toJson();
    }
}
