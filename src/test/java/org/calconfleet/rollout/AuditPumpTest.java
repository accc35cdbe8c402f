package org.calconfleet.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.calconfleet.access.Role;
import org.calconfleet.audit.AuditAction;
import org.calconfleet.audit.AuditEvent;
import org.calconfleet.audit.AuditSubject;
import org.calconfleet.audit.AuditTrail;
import org.calconfleet.i18n.StoredMessage;
import org.calconfleet.testdb.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit outbox is moved into the chain in batches: every entry once, in the order written, and none left behind;
 * a reason written as a sentence by a console from before reasons were stored messages gets its moment in front.
 */
@DatabaseTest
@SpringBootTest
@ActiveProfiles("test")
class AuditPumpTest {

    private static final int ENTRIES = 2 * AuditPump.BATCH + 345;

    @Autowired
    AuditPump pump;

    @Autowired
    HostRunWrites writes;

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void every_entry_reaches_the_chain_once_in_order_and_an_old_sentence_gets_its_moment() {
        Instant at = Instant.parse("2026-12-01T10:00:00Z");
        String stored = StoredMessage.of("rollout.audit.at", StoredMessage.at(at),
                StoredMessage.inner(StoredMessage.of("rollout.run.rejected"))).toJson();
        transactions.executeWithoutResult(status -> IntStream.range(0, ENTRIES).forEach(i ->
                writes.outbox(at, AuditEvent.of("rollout#1", AuditAction.HOST_STEP, AuditSubject.server(host(i)))
                        .because(i == 7 ? "restarted by hand" : stored))));

        pump.drain();

        assertThat(jdbc.queryForObject("select count(*) from audit_outbox", Long.class)).isZero();
        List<String> subjects = jdbc.queryForList("select subject from audit_entry where subject like ? order by seq",
                String.class, AuditSubject.server("PUMPED-%"));
        assertThat(subjects).containsExactlyElementsOf(
                IntStream.range(0, ENTRIES).mapToObj(i -> AuditSubject.server(host(i))).toList());
        assertThat(reasonOf(7)).isEqualTo("at 2026-12-01T10:00:00Z: restarted by hand");
        assertThat(reasonOf(8)).isEqualTo(stored);
        assertThat(Users.as("auditor", Role.AUDITOR, () -> audit.verify()).isIntact()).isTrue();
    }

    private String reasonOf(int entry) {
        return jdbc.queryForObject("select reason from audit_entry where subject = ?", String.class,
                AuditSubject.server(host(entry)));
    }

    private static String host(int i) {
        return "PUMPED-%05d".formatted(i);
    }
}
