package org.calconfleet.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Entries made as the trail makes them (hash included), for tests of the features that read the trail. */
public final class AuditEntries {

    private AuditEntries() {
    }

    public static AuditEntry chained(long seq, Instant occurredAt, AuditEvent event, String prevHash) {
        return new AuditEntry(seq, occurredAt, event, prevHash);
    }

    /**
     * Inserts the chained entries {@code first..last} after {@code prevHash} with bare SQL, as fast as the database
     * takes them, for the benchmarks; answers the new head's hash (the head row is the caller's to move).
     */
    static String appendChain(JdbcTemplate jdbc, long first, long last, String prevHash, int subjects) {
        AuditAction[] actions = AuditAction.values();
        String prev = prevHash;
        List<Object[]> batch = new ArrayList<>();
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        for (long seq = first; seq <= last; seq++) {
            AuditEvent event = new AuditEvent("operator-" + seq % 20, actions[(int) (seq % actions.length)],
                    "server:SRV-%06d".formatted(seq % subjects + 1), "desiredPort=0", "desiredPort=45001", "CHG-" + seq);
            AuditEntry entry = new AuditEntry(seq, start.plusSeconds(seq * 30), event, prev);
            prev = entry.getHash();
            batch.add(new Object[] {seq, Timestamp.from(entry.getOccurredAt()), entry.getActor(),
                    entry.getAction().name(), entry.getSubject(), entry.getBefore(), entry.getAfter(),
                    entry.getReason(), entry.getPrevHash(), entry.getHash()});
            if (batch.size() == 10_000 || seq == last) {
                jdbc.batchUpdate("insert into audit_entry (seq, occurred_at, actor, action, subject, before_value, "
                        + "after_value, reason, prev_hash, hash) values (?,?,?,?,?,?,?,?,?,?)", batch);
                batch.clear();
            }
        }
        return prev;
    }
}
