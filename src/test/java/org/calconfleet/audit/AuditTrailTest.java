package org.calconfleet.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.calconfleet.testdb.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

@DatabaseTest
@SpringBootTest
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class AuditTrailTest {

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    @WithMockUser(roles = "AUDITOR")
    void an_untouched_chain_verifies_and_a_tampered_row_is_pointed_at() {
        for (int i = 0; i < 5; i++) {
            audit.record(AuditEvent.of("alice", AuditAction.SERVER_UPDATED, "server:TKY-EXC0" + i)
                    .change("desiredPort=0", "desiredPort=45001").because("CHG-" + i));
        }
        assertThat(audit.verify().isIntact()).isTrue();

        long target = jdbc.queryForObject(
                "select seq from audit_entry where subject = 'server:TKY-EXC02' and action = 'SERVER_UPDATED'",
                Long.class);
        jdbc.update("update audit_entry set after_value = 'desiredPort=45999' where seq = ?", target);

        ChainVerification result = audit.verify();
        assertThat(result.isIntact()).isFalse();
        assertThat(result.brokenAtSeq()).isEqualTo(target);
        assertThat(result.problem()).isEqualTo(ChainVerification.Problem.HASH_MISMATCH);
    }

    /** An auditor verifies while rollouts go on: what is appended during the walk is no missing tail. */
    @Test
    @WithMockUser(roles = "AUDITOR")
    void entries_appended_while_the_chain_is_walked_leave_it_intact() throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            audit.record(AuditEvent.of("alice", AuditAction.SERVER_UPDATED, "server:WALK" + i));
        }
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger appended = new AtomicInteger();
        Thread writer = Thread.ofPlatform().start(() -> {
            while (!done.get()) {
                audit.record(AuditEvent.of("bob", AuditAction.SERVER_UPDATED, "server:DURING"));
                appended.incrementAndGet();
            }
        });
        try {
            for (int i = 0; i < 40; i++) {
                ChainVerification result = audit.verify();
                assertThat(result.isIntact()).as("verification %d: %s", i, result).isTrue();
            }
        } finally {
            done.set(true);
            writer.join();
        }
        assertThat(appended.get()).as("entries appended during the walks").isPositive();
        assertThat(audit.verify().isIntact()).isTrue();
    }

    @Test
    @WithMockUser(roles = "AUDITOR")
    void entries_are_counted_per_day_of_the_readers_zone_with_the_filter_applied_and_empty_days_as_zero() {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        for (String entryAt : new String[] {"carol 2", "carol 2", "carol 1", "carol 40", "dave 2"}) {
            String[] actorAndDaysAgo = entryAt.split(" ");
            AuditEntry entry = audit.record(AuditEvent.of(actorAndDaysAgo[0], AuditAction.SERVER_UPDATED,
                    "server:DAY"));
            jdbc.update("update audit_entry set occurred_at = ? where seq = ?", java.sql.Timestamp.from(
                    today.minusDays(Long.parseLong(actorAndDaysAgo[1])).atTime(23, 30)
                            .toInstant(java.time.ZoneOffset.UTC)), entry.getSeq());
        }
        AuditFilter carols = new AuditFilter("server:DAY", "carol", null, null, null);

        assertThat(audit.entriesPerDay(carols, today.minusDays(3), today.minusDays(1), java.time.ZoneOffset.UTC))
                .containsExactly(java.util.Map.entry(today.minusDays(3), 0L),
                        java.util.Map.entry(today.minusDays(2), 2L), java.util.Map.entry(today.minusDays(1), 1L));
        // 23:30 UTC is 08:30 of the next day in Tokyo.
        assertThat(audit.entriesPerDay(carols, today.minusDays(3), today.minusDays(1),
                java.time.ZoneId.of("Asia/Tokyo"))).containsExactly(java.util.Map.entry(today.minusDays(3), 0L),
                java.util.Map.entry(today.minusDays(2), 0L), java.util.Map.entry(today.minusDays(1), 2L));
        assertThat(audit.entriesPerDay(AuditFilter.forSubject("server:DAY").during(java.time.Instant.EPOCH,
                        java.time.Instant.EPOCH), today.minusDays(2), today.minusDays(2), java.time.ZoneOffset.UTC))
                .as("the chart's days replace the filter's own period").containsExactly(
                        java.util.Map.entry(today.minusDays(2), 3L));
    }

    @Test
    @WithMockUser(roles = "AUDITOR")
    void a_deleted_row_breaks_the_chain_where_it_was() {
        audit.record(AuditEvent.of("bob", AuditAction.POLICY_CHANGED, "policy"));
        ChainVerification before = audit.verify();
        assertThat(before.isIntact()).isTrue();
        long victim = jdbc.queryForObject("select max(seq) from audit_entry where action = 'POLICY_CHANGED'",
                Long.class);
        jdbc.update("delete from audit_entry where seq = ?", victim);

        ChainVerification result = audit.verify();
        assertThat(result.isIntact()).isFalse();
        assertThat(result.brokenAtSeq()).isEqualTo(victim);
    }

    @Test
    @WithMockUser(roles = "AUDITOR")
    void two_entries_swapped_in_the_sequence_break_the_chain_at_the_first_of_them() {
        for (int i = 0; i < 4; i++) {
            audit.record(AuditEvent.of("carol", AuditAction.SERVER_UPDATED, "server:OSA-EXC0" + i));
        }
        long first = jdbc.queryForObject("select seq from audit_entry where subject = 'server:OSA-EXC01'", Long.class);
        jdbc.update("update audit_entry set seq = -1 where seq = ?", first);
        jdbc.update("update audit_entry set seq = ? where seq = ?", first, first + 1);
        jdbc.update("update audit_entry set seq = ? where seq = -1", first + 1);

        ChainVerification result = audit.verify();
        assertThat(result.isIntact()).isFalse();
        assertThat(result.brokenAtSeq()).isEqualTo(first);
    }

    @Test
    @WithMockUser(roles = "HELPDESK")
    void the_helpdesk_may_not_search_export_or_verify_the_trail() {
        assertThatThrownBy(() -> audit.search(AuditFilter.ALL, org.springframework.data.domain.Pageable.ofSize(5)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> audit.exportCsv(AuditFilter.ALL, new StringWriter(), Locale.ENGLISH, ZoneOffset.UTC))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(audit::verify).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithMockUser(roles = "AUDITOR")
    void the_csv_export_carries_every_matching_entry_with_its_hashes() {
        audit.record(AuditEvent.of("carol", AuditAction.SERVER_CREATED, "server:OSA-EXC99")
                .change(null, "site=Osaka, note=\"quoted\""));
        StringWriter out = new StringWriter();

        audit.exportCsv(AuditFilter.forSubject("server:OSA-EXC99"), out, Locale.ENGLISH, ZoneOffset.UTC);

        String[] lines = out.toString().split("\r\n");
        assertThat(lines[0]).isEqualTo(AuditCsv.HEADER);
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).contains("carol", "SERVER_CREATED", "\"site=Osaka, note=\"\"quoted\"\"\"");
        assertThat(lines[1]).matches(".*,[0-9a-f]{64},[0-9a-f]{64},.*");
    }

    @Test
    @WithMockUser(roles = "AUDITOR")
    void the_csv_export_reads_past_its_batches_each_matching_entry_once_in_order() {
        int matching = 2 * AuditTrail.EXPORT_BATCH + 1;
        transactions.executeWithoutResult(status -> {
            for (int i = 0; i < matching; i++) {
                audit.record(AuditEvent.of("carol", AuditAction.SERVER_UPDATED, "server:OSA-EXC98")
                        .change(null, "note=" + i));
                if (i % 10 == 0) {
                    audit.record(AuditEvent.of("dave", AuditAction.SERVER_UPDATED, "server:TYO-EXC01")
                            .change(null, "note=" + i));
                }
            }
        });
        StringWriter out = new StringWriter();

        audit.exportCsv(AuditFilter.forSubject("server:OSA-EXC98"), out, Locale.ENGLISH, ZoneOffset.UTC);

        String[] lines = out.toString().split("\r\n");
        assertThat(lines).hasSize(matching + 1);
        List<String> rows = List.of(lines).subList(1, lines.length);
        for (int i = 0; i < matching; i++) {
            assertThat(rows.get(i)).contains("server:OSA-EXC98", "note=" + i + ",");
        }
    }
}
