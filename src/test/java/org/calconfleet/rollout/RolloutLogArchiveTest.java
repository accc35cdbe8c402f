package org.calconfleet.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.calconfleet.access.Role;
import org.calconfleet.audit.AuditAction;
import org.calconfleet.audit.AuditEntry;
import org.calconfleet.change.ChangeDraft;
import org.calconfleet.change.ChangeState;
import org.calconfleet.change.ChangeSummary;
import org.calconfleet.i18n.StoredMessage;
import org.calconfleet.logarchive.RolloutLogArchive;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RolloutLogArchiveTest extends RolloutTestBase {

    @Autowired
    RolloutLogArchive archive;

    private long finishedRollout(String prefix, int daysAgo) {
        List<Long> ids = servers(prefix, 2, 45001);
        ChangeSummary submitted = submit(ChangeDraft.now(ids, 45031, "retention", null, new ChangeDraft.Waves(0, 5, 2, 0)));
        approve(submitted.id());
        assertThat(awaitFinished(submitted.id()).state()).isEqualTo(ChangeState.DONE);
        jdbc.update("update change_request set finished_at = ? where id = ?",
                OffsetDateTime.ofInstant(Instant.now().minus(daysAgo, ChronoUnit.DAYS), ZoneOffset.UTC), submitted.id());
        return submitted.id();
    }

    private List<Long> logIds(long rolloutId) {
        return jdbc.queryForList("select l.id from host_run_log l join host_run r on r.id = l.host_run_id"
                + " where r.change_request_id = ? order by l.id", Long.class, rolloutId);
    }

    @Test
    void the_logs_of_old_rollouts_go_into_a_file_whose_hash_is_in_the_audit_chain_and_leave_the_table() throws Exception {
        long old = finishedRollout("ARC", 120);
        long recent = finishedRollout("ARN", 10);
        List<Long> oldLines = logIds(old);
        List<Long> recentLines = logIds(recent);
        assertThat(oldLines).isNotEmpty();

        RolloutLogArchive.Preview preview = Users.as("admin", Role.ADMIN, () -> archive.preview(90));
        assertThat(preview.rollouts()).isEqualTo(1);
        assertThat(preview.entries()).isEqualTo(oldLines.size());

        RolloutLogArchive.Archive done = Users.as("admin", Role.ADMIN, () -> archive.archive(90)).orElseThrow();
        Path file = Users.as("admin", Role.ADMIN, () -> archive.file(done.fileName())).orElseThrow();
        assertThat(file.getParent()).isEqualTo(Path.of("target/test-archive").toAbsolutePath().normalize());
        List<JsonNode> lines = read(file);
        assertThat(lines).extracting(l -> l.get("id").asLong()).containsExactlyElementsOf(oldLines);
        assertThat(lines).allSatisfy(l -> assertThat(l.get("rolloutId").asLong()).isEqualTo(old));
        assertThat(lines).extracting(l -> l.get("hostName").asString()).contains("ARC-0001", "ARC-0002");
        assertThat(done.entries()).isEqualTo(oldLines.size());
        Instant earliest = lines.stream().map(l -> Instant.parse(l.get("at").asString())).min(Instant::compareTo)
                .orElseThrow();
        assertThat(done.firstEntryAt()).isEqualTo(earliest);
        assertThat(done.sha256()).isEqualTo(sha256(file));

        assertThat(logIds(old)).as("archived lines leave the live table").isEmpty();
        assertThat(logIds(recent)).as("a recent rollout keeps its log").isEqualTo(recentLines);
        HostRunView host = run(old, "ARC-0001");
        assertThat(Users.as("helpdesk", Role.HELPDESK, () -> rollouts.hostLog(host.id()))).isEmpty();
        assertThat(Users.as("helpdesk", Role.HELPDESK, () -> rollouts.archivedLog(host.id())))
                .hasValueSatisfying(a -> assertThat(a.fileName()).isEqualTo(done.fileName()));
        assertThat(Users.as("helpdesk", Role.HELPDESK, () -> rollouts.archivedLog(run(recent, "ARN-0001").id())))
                .isEmpty();

        List<AuditEntry> recorded = Users.as("auditor", Role.AUDITOR,
                () -> audit.historyOf("archive:" + done.fileName(), 10));
        assertThat(recorded).singleElement().satisfies(entry -> {
            assertThat(entry.getAction()).isEqualTo(AuditAction.ROLLOUT_LOGS_ARCHIVED);
            assertThat(entry.getActor()).isEqualTo("admin");
            assertThat(Rendered.stored(entry.getAfter())).isEqualTo(StoredMessage.of("retention.audit.archived",
                    StoredMessage.verbatim(done.fileName()), StoredMessage.verbatim(sha256(file)),
                    StoredMessage.count(oldLines.size()), StoredMessage.count(1), StoredMessage.at(earliest),
                    StoredMessage.at(done.lastEntryAt())));
            assertThat(Rendered.english(entry.getAfter())).contains("SHA-256 " + sha256(file),
                    oldLines.size() + " entries of 1 rollouts");
            assertThat(Rendered.stored(entry.getReason()).code()).isEqualTo("retention.audit.reason");
        });
        awaitAuditDrained();
        assertThat(Users.as("auditor", Role.AUDITOR, () -> audit.verify()).isIntact()).isTrue();
        assertThat(Users.as("admin", Role.ADMIN, () -> archive.archive(90))).as("nothing left to archive").isEmpty();
    }

    @Test
    void only_an_administrator_may_preview_archive_or_download() {
        for (Role role : List.of(Role.OPERATOR, Role.AUDITOR, Role.HELPDESK)) {
            assertThatThrownBy(() -> Users.as("someone", role, () -> archive.preview(90)))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> Users.as("someone", role, () -> archive.archive(90)))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> Users.as("someone", role, () -> archive.file("rollout-logs-x.jsonl.gz")))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void a_download_serves_only_files_the_archive_recorded() {
        assertThat(Users.as("admin", Role.ADMIN, () -> archive.file("../../pom.xml"))).isEmpty();
        assertThat(Users.as("admin", Role.ADMIN, () -> archive.file("rollout-logs-unknown.jsonl.gz"))).isEmpty();
    }

    private static List<JsonNode> read(Path file) throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                StandardCharsets.UTF_8))) {
            return in.lines().map(json::readTree).toList();
        }
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
