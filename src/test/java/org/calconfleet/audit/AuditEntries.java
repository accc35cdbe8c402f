package org.calconfleet.audit;

import java.time.Instant;

/** Entries made as the trail makes them (hash included), for tests of the features that read the trail. */
public final class AuditEntries {

    private AuditEntries() {
    }

    public static AuditEntry chained(long seq, Instant occurredAt, AuditEvent event, String prevHash) {
        return new AuditEntry(seq, occurredAt, event, prevHash);
    }
}
