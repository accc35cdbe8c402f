package org.calconfleet.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends many events to the chain at once, exactly as {@link AuditTrail#record} appends one (same sequence, time,
 * canonical form and hashes), but locking the head once and inserting the entries in one JDBC batch: for writers of
 * many entries per second, such as the rollout engine's audit outbox. Added by the rollout feature; a candidate for a
 * method on {@link AuditTrail}.
 */
@Service
public class AuditBatch {

    private final AuditHeadRepository head;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    AuditBatch(AuditHeadRepository head, JdbcTemplate jdbc, Clock clock) {
        this.head = head;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Appends the events in order within the caller's transaction; the number appended. */
    @Transactional
    public int recordAll(List<AuditEvent> events) {
        if (events.isEmpty()) {
            return 0;
        }
        AuditHead chainHead = head.lockHead(AuditHead.ID)
                .orElseThrow(() -> new IllegalStateException("audit_head row missing: the schema is damaged"));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        long seq = chainHead.getLastSeq();
        String prev = chainHead.getLastHash();
        List<Object[]> rows = new ArrayList<>(events.size());
        AuditEntry last = null;
        for (AuditEvent event : events) {
            AuditEntry entry = new AuditEntry(++seq, now, event, prev);
            rows.add(new Object[] {entry.getSeq(), Timestamp.from(entry.getOccurredAt()), entry.getActor(),
                    entry.getAction().name(), entry.getSubject(), entry.getBefore(), entry.getAfter(),
                    entry.getReason(), entry.getPrevHash(), entry.getHash()});
            prev = entry.getHash();
            last = entry;
        }
        jdbc.batchUpdate("insert into audit_entry (seq, occurred_at, actor, action, subject, before_value, after_value,"
                + " reason, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        chainHead.advance(last);
        return events.size();
    }
}
