package org.calconfleet.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.calconfleet.common.CsvEncoding;
import org.calconfleet.testdb.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

@DatabaseTest
@SpringBootTest
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
@WithMockUser(username = "audrey", roles = "AUDITOR")
class AuditCheckpointTest {

    @Autowired
    AuditTrail audit;

    @Autowired
    AuditCheckpoints checkpoints;

    @Autowired
    CheckpointStore store;

    @Autowired
    AuditCheckpointSettings settings;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void an_untouched_chain_agrees_with_its_checkpoints_in_the_console_and_offline() throws Exception {
        AuditCheckpoint first = recordFiveThenCheckpoint("A");
        AuditCheckpoint second = recordFiveThenCheckpoint("B");

        ChainVerification result = audit.verify();

        assertThat(result.isIntact()).as(result.toString()).isTrue();
        assertThat(result.checkpointsChecked()).isEqualTo(2);
        assertThat(List.of(first.number(), second.number())).containsExactly(1L, 2L);
        assertThat(Files.readString(store.folder().resolve(second.fileName()))).isEqualTo(second.text())
                .contains("seq=" + second.seq(), "head=" + second.headHash());
        Offline offline = verifyOffline(exportAll());
        assertThat(offline.status()).as(offline.output()).isEqualTo(OfflineAuditVerifier.INTACT);
        assertThat(offline.output()).contains("signed checkpoints matched: 2");
    }

    @Test
    void a_rewritten_chain_is_found_by_the_first_checkpoint_it_contradicts() throws Exception {
        AuditCheckpoint first = recordFiveThenCheckpoint("A");
        recordFiveThenCheckpoint("B");
        AuditCheckpoint third = recordFiveThenCheckpoint("C");
        long forged = jdbc.queryForObject("select seq from audit_entry where subject = 'server:B2'", Long.class);

        rewriteFrom(forged, "desiredPort=45999");

        assertThat(forged).isGreaterThan(first.seq());
        ChainVerification result = audit.verify();
        assertThat(result.problem()).isEqualTo(ChainVerification.Problem.CHECKPOINT_CONTRADICTED);
        assertThat(result.checkpoint()).as("checkpoint 1 signs entries before the rewrite").isEqualTo(2);
        assertThat(result.checkpointsChecked()).isEqualTo(1);

        Offline offline = verifyOffline(exportAll());
        assertThat(offline.status()).as(offline.output()).isEqualTo(OfflineAuditVerifier.BROKEN);
        assertThat(offline.output()).contains("contradicts signed checkpoint #2");
        assertThat(third.number()).isEqualTo(3);
    }

    @Test
    void a_deleted_checkpoint_file_is_reported_whether_it_leaves_a_gap_or_was_the_newest() throws Exception {
        AuditCheckpoint first = recordFiveThenCheckpoint("A");
        AuditCheckpoint second = recordFiveThenCheckpoint("B");
        Path csv = exportAll();

        Files.delete(store.folder().resolve(second.fileName()));
        ChainVerification newestGone = audit.verify();
        assertThat(newestGone.problem()).isEqualTo(ChainVerification.Problem.CHECKPOINT_MISSING);
        assertThat(newestGone.checkpoint()).isEqualTo(2);

        recordFiveThenCheckpoint("C");
        Files.delete(store.folder().resolve(first.fileName()));
        ChainVerification gap = audit.verify();
        assertThat(gap.problem()).isEqualTo(ChainVerification.Problem.CHECKPOINT_MISSING);
        assertThat(gap.checkpoint()).isEqualTo(1);
        Offline offline = verifyOffline(csv);
        assertThat(offline.status()).as(offline.output()).isEqualTo(OfflineAuditVerifier.BROKEN);
        assertThat(offline.output()).contains("Checkpoint file #1 is missing");
    }

    @Test
    void a_checkpoint_signed_with_another_key_is_reported_as_forged() throws Exception {
        AuditCheckpoint genuine = recordFiveThenCheckpoint("A");
        AuditCheckpoint forgery = AuditCheckpoint.sign(genuine.number(), genuine.seq(), genuine.headHash(),
                genuine.writtenAt(), genuine.node(), KeyPairGenerator.getInstance("Ed25519").generateKeyPair()
                        .getPrivate());
        Files.writeString(store.folder().resolve(genuine.fileName()), forgery.text());

        ChainVerification result = audit.verify();

        assertThat(result.problem()).isEqualTo(ChainVerification.Problem.CHECKPOINT_FORGED);
        assertThat(result.checkpoint()).isEqualTo(genuine.number());
    }

    @Test
    void the_interval_signs_only_when_the_head_moved_and_its_own_entry_is_covered() {
        recordFiveThenCheckpoint("A");

        assertThat(checkpoints.writeIfHeadMoved()).as("nothing since the last checkpoint").isEmpty();
        audit.record(AuditEvent.of("alice", AuditAction.SERVER_UPDATED, "server:MOVED"));
        AuditCheckpoint moved = checkpoints.writeIfHeadMoved().orElseThrow();
        assertThat(moved.number()).isEqualTo(2);
        assertThat(moved.seq()).isEqualTo(jdbc.queryForObject("select last_seq from audit_head", Long.class));
        assertThat(jdbc.queryForObject("select action from audit_entry where seq = ?", String.class, moved.seq()))
                .isEqualTo(AuditAction.AUDIT_CHECKPOINT_WRITTEN.name());
        assertThat(checkpoints.writeIfHeadMoved()).isEmpty();
    }

    @Test
    void an_export_in_each_encoding_the_audit_view_offers_verifies_offline() throws Exception {
        audit.record(AuditEvent.of("alice", AuditAction.SERVER_UPDATED, "server:大阪-EXC01")
                .change("site=大阪", "site=大阪 本社").because("定期メンテナンス（夜間）"));
        recordFiveThenCheckpoint("J");

        for (CsvEncoding encoding : CsvEncoding.EXPORTS) {
            Offline offline = verifyOffline(exportAll(encoding));
            assertThat(offline.status()).as(encoding + ": " + offline.output()).isEqualTo(OfflineAuditVerifier.INTACT);
        }
    }

    private AuditCheckpoint recordFiveThenCheckpoint(String batch) {
        for (int i = 0; i < 5; i++) {
            audit.record(AuditEvent.of("alice", AuditAction.SERVER_UPDATED, "server:" + batch + i)
                    .change(i == 0 ? "" : null, "desiredPort=4500" + i).because("CHG-" + batch + i));
        }
        return checkpoints.writeNow();
    }

    /** What someone with write access to the database can do: change an entry and recompute every hash after it. */
    private void rewriteFrom(long seq, String after) {
        jdbc.update("update audit_entry set after_value = ? where seq = ?", after, seq);
        String prev = jdbc.queryForObject("select prev_hash from audit_entry where seq = ?", String.class, seq);
        List<AuditEntry> rest = jdbc.query("select * from audit_entry where seq >= ? order by seq",
                (rs, n) -> new AuditEntry(rs.getLong("seq"), rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("actor"), AuditAction.valueOf(rs.getString("action")), rs.getString("subject"),
                        rs.getString("before_value"), rs.getString("after_value"), rs.getString("reason"), "", ""),
                seq);
        for (AuditEntry entry : rest) {
            String hash = AuditChain.hash(prev, entry);
            jdbc.update("update audit_entry set prev_hash = ?, hash = ? where seq = ?", prev, hash, entry.getSeq());
            prev = hash;
        }
        jdbc.update("update audit_head set last_hash = ?", prev);
    }

    private Path exportAll() throws IOException {
        Path csv = Files.createDirectories(Path.of("target/test-audit-exports"))
                .resolve(store.folder().getFileName() + ".csv");
        try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            audit.exportCsv(AuditFilter.ALL, out, Locale.ENGLISH, ZoneOffset.UTC);
        }
        return csv;
    }

    /** As the audit view's download writes it. */
    private Path exportAll(CsvEncoding encoding) throws IOException {
        Path csv = Files.createDirectories(Path.of("target/test-audit-exports"))
                .resolve(store.folder().getFileName() + "-" + encoding + ".csv");
        try (Writer out = encoding.writer(Files.newOutputStream(csv))) {
            audit.exportCsv(AuditFilter.ALL, out, Locale.JAPANESE, ZoneId.of("Asia/Tokyo"));
        }
        return csv;
    }

    private Offline verifyOffline(Path csv) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int status = OfflineAuditVerifier.run(new String[] {"--csv", csv.toString(), "--checkpoints",
                store.folder().toString(), "--public-key",
                CheckpointKeys.publicKeyFile(settings.keyFile()).toString()},
                new PrintStream(printed, true, StandardCharsets.UTF_8), Locale.ENGLISH);
        return new Offline(status, printed.toString(StandardCharsets.UTF_8));
    }

    private record Offline(int status, String output) {
    }
}
