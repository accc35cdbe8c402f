package org.calconfleet.audit;

import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The chain read in order by the console itself, for copies kept elsewhere (a SIEM): no person and no role is behind
 * these reads, so no screen or REST controller may use them ({@code ArchitectureTest}).
 */
@Service
public class AuditFeed {

    private final AuditEntryRepository entries;
    private final AuditHeadRepository head;

    AuditFeed(AuditEntryRepository entries, AuditHeadRepository head) {
        this.entries = entries;
        this.head = head;
    }

    /** Up to {@code limit} entries after sequence number {@code seq}, oldest first. */
    @Transactional(readOnly = true)
    public List<AuditEntry> after(long seq, int limit) {
        return entries.findChainAfter(seq, PageRequest.of(0, limit));
    }

    /** The sequence number of the newest entry (0 for an empty chain), read without locking the head. */
    @Transactional(readOnly = true)
    public long headSeq() {
        return head.lastSeq().orElse(0L);
    }
}
