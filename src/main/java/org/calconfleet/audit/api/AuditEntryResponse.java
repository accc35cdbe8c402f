package org.calconfleet.audit.api;

import java.time.Instant;
import org.calconfleet.audit.AuditAction;
import org.calconfleet.audit.AuditEntry;
import org.jspecify.annotations.Nullable;

/** One link of the chain, hashes included, so a script can check it on its own. */
record AuditEntryResponse(long seq, Instant occurredAt, String actor, AuditAction action, String subject,
                          @Nullable String before, @Nullable String after, @Nullable String reason, String prevHash,
                          String hash) {

    static AuditEntryResponse of(AuditEntry e) {
        return new AuditEntryResponse(e.getSeq(), e.getOccurredAt(), e.getActor(), e.getAction(), e.getSubject(),
                e.getBefore(), e.getAfter(), e.getReason(), e.getPrevHash(), e.getHash());
    }
}
