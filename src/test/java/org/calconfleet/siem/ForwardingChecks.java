package org.calconfleet.siem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.calconfleet.audit.AuditAction;
import org.calconfleet.audit.AuditBatch;
import org.calconfleet.audit.AuditEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;

/** What the forwarding tests do to the trail and check at the receiver. */
final class ForwardingChecks {

    private final AuditBatch audit;
    private final JdbcTemplate jdbc;

    ForwardingChecks(AuditBatch audit, JdbcTemplate jdbc) {
        this.audit = audit;
        this.jdbc = jdbc;
    }

    /** Forwarding on, to a receiver on a loopback port, looking for new entries and retrying often. */
    static void forwardTo(DynamicPropertyRegistry properties, int port, boolean tls) {
        properties.add("calcon.siem.syslog.enabled", () -> "true");
        properties.add("calcon.siem.syslog.host", () -> "127.0.0.1");
        properties.add("calcon.siem.syslog.port", () -> port);
        properties.add("calcon.siem.syslog.tls", () -> tls);
        properties.add("calcon.siem.syslog.interval", () -> "100ms");
        properties.add("calcon.siem.syslog.retry-interval", () -> "300ms");
        properties.add("calcon.siem.syslog.ack-timeout", () -> "3s");
    }

    long head() {
        return jdbc.queryForObject("select last_seq from audit_head where id = 1", Long.class);
    }

    long forwarded() {
        return jdbc.queryForObject("select forwarded_seq from audit_forwarding where id = 1", Long.class);
    }

    /** Appends {@code count} entries in one transaction, so that a pass finds all of them or none. */
    void record(int count, String tag) {
        List<AuditEvent> events = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            events.add(AuditEvent.of("tester", AuditAction.SERVER_UPDATED, "server:" + tag + "-" + i)
                    .change("desiredPort=45001", "desiredPort=4500" + (i % 10)));
        }
        audit.recordAll(events);
    }

    void awaitForwarded() {
        await().atMost(Duration.ofSeconds(30)).until(() -> forwarded() == head());
    }

    /**
     * Every entry after {@code after} reached the receiver with its stored sequence number and hash, their first copies
     * in the order of the chain, and any repeat exactly as its first copy (what at-least-once allows). Answers the
     * number of repeats.
     */
    int assertEveryEntryArrivedInOrder(List<String> messages, long after) {
        Map<Long, String> firstCopies = new LinkedHashMap<>();
        int repeats = 0;
        for (String message : messages) {
            long seq = Received.of(message).seq();
            if (seq <= after) {
                continue;
            }
            String first = firstCopies.putIfAbsent(seq, message);
            if (first != null) {
                assertThat(message).as("a repeat of #%d", seq).isEqualTo(first);
                repeats++;
            }
        }
        List<Map<String, Object>> chain = jdbc.queryForList(
                "select seq, hash from audit_entry where seq > ? order by seq", after);
        assertThat(firstCopies.keySet()).containsExactlyElementsOf(
                chain.stream().map(row -> ((Number) row.get("seq")).longValue()).toList());
        for (Map<String, Object> row : chain) {
            long seq = ((Number) row.get("seq")).longValue();
            assertThat(Received.of(firstCopies.get(seq)).params()).containsEntry("hash", (String) row.get("hash"));
        }
        return repeats;
    }
}
