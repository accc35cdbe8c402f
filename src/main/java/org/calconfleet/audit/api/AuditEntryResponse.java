package org.calconfleet.audit.api;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.calconfleet.audit.AuditAction;
import org.calconfleet.audit.AuditEntry;
import org.calconfleet.i18n.Messages;
import org.jspecify.annotations.Nullable;

/**
 * One link of the chain, hashes and stored values included, so a script can check it on its own; the values as a
 * person reads them beside them, in the request's language (times in UTC).
 */
record AuditEntryResponse(long seq, Instant occurredAt, String actor, AuditAction action, String actionText,
                          String subject, @Nullable String before, @Nullable String after, @Nullable String reason,
                          @Nullable String beforeText, @Nullable String afterText, @Nullable String reasonText,
                          String prevHash, String hash) {

    static AuditEntryResponse of(AuditEntry e, Messages messages, Locale language) {
        return new AuditEntryResponse(e.getSeq(), e.getOccurredAt(), e.getActor(), e.getAction(),
                messages.get(e.getAction().messageKey(), language), e.getSubject(), e.getBefore(), e.getAfter(),
                e.getReason(), shown(e.getBefore(), messages, language), shown(e.getAfter(), messages, language),
                shown(e.getReason(), messages, language), e.getPrevHash(), e.getHash());
    }

    private static @Nullable String shown(@Nullable String stored, Messages messages, Locale language) {
        return stored == null ? null : messages.render(stored, language, ZoneOffset.UTC);
    }
}
