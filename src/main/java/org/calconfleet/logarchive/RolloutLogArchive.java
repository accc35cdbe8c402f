package org.calconfleet.logarchive;

import jakarta.annotation.security.RolesAllowed;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.calconfleet.access.CurrentUser;
import org.calconfleet.access.Role;
import org.calconfleet.audit.AuditAction;
import org.calconfleet.audit.AuditEvent;
import org.calconfleet.audit.AuditTrail;
import org.calconfleet.i18n.StoredMessage;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Audit retention for the rollouts' own logs: the audit chain is never shortened, but the host-run log lines of
 * rollouts that finished more than N days ago can be moved into a gzip'd JSON-lines file under
 * {@code calcon.archive.directory}. The file is written and hashed first; then, in one transaction, the rows leave
 * {@code host_run_log}, the archive and its rollouts are recorded, and the audit chain gets the file's name, SHA-256,
 * entry count and date range. A failure leaves the rows where they were and removes the file.
 */
@Service
public class RolloutLogArchive {

    /** What an archive of rollouts finished before {@code cutoff} would hold. */
    public record Preview(Instant cutoff, int rollouts, long entries, @Nullable Instant firstEntryAt,
                          @Nullable Instant lastEntryAt) {
    }

    /** An archive as recorded. */
    public record Archive(String fileName, String sha256, long entries, int rollouts, @Nullable Instant firstEntryAt,
                          @Nullable Instant lastEntryAt, String archivedBy, Instant archivedAt) {
    }

    /** One archived log line, as it is written to the file. */
    record Line(long id, long rolloutId, long hostRunId, String hostName, String at, String step, String outcome,
                @Nullable String message, @Nullable String evidence) {
    }

    private static final String FINISHED = "('DONE', 'FAILED', 'CANCELLED', 'REJECTED')";
    private static final int CHUNK = 500;
    /** The width of {@code rollout_log_archive.archived_by}. */
    private static final int ARCHIVED_BY_MAX_LENGTH = 64;
    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final Path directory;
    private final JsonMapper json = JsonMapper.builder().build();

    RolloutLogArchive(JdbcClient jdbc, AuditTrail audit, Clock clock,
            @Value("${calcon.archive.directory:./data/archive}") Path directory) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.directory = directory.toAbsolutePath().normalize();
    }

    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional(readOnly = true)
    public Preview preview(int olderThanDays) {
        Instant cutoff = cutoff(olderThanDays);
        return jdbc.sql("select count(distinct r.change_request_id), count(l.id), min(l.at), max(l.at)"
                        + " from host_run_log l join host_run r on r.id = l.host_run_id"
                        + " join change_request c on c.id = r.change_request_id"
                        + " where c.state in " + FINISHED + " and c.finished_at < :cutoff")
                .param("cutoff", utc(cutoff))
                .query((rs, n) -> new Preview(cutoff, rs.getInt(1), rs.getLong(2), instant(rs, 3), instant(rs, 4)))
                .single();
    }

    /**
     * Archives the logs of every rollout that finished more than {@code olderThanDays} days ago; empty when there is
     * nothing to archive. The rollouts are locked meanwhile, so two administrators cannot archive the same lines.
     */
    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional
    public Optional<Archive> archive(int olderThanDays) {
        Instant cutoff = cutoff(olderThanDays);
        List<Long> rollouts = jdbc.sql("select c.id from change_request c where c.state in " + FINISHED
                        + " and c.finished_at < :cutoff and exists (select 1 from host_run r join host_run_log l"
                        + " on l.host_run_id = r.id where r.change_request_id = c.id) order by c.id for update")
                .param("cutoff", utc(cutoff))
                .query(Long.class)
                .list();
        if (rollouts.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String fileName = "rollout-logs-" + FILE_TIME.format(now) + ".jsonl.gz";
        Written written = write(rollouts, fileName);
        long deleted = 0;
        for (List<Long> chunk : chunks(rollouts)) {
            deleted += jdbc.sql("delete from host_run_log where host_run_id in"
                            + " (select r.id from host_run r where r.change_request_id in (:ids))")
                    .param("ids", chunk).update();
        }
        if (deleted != written.entries()) {
            throw new IllegalStateException("archived " + written.entries() + " log lines but removed " + deleted);
        }
        String user = CurrentUser.usernameOrSystem();
        Archive archive = new Archive(fileName, written.sha256(), written.entries(), rollouts.size(),
                written.first(), written.last(), user, now);
        record(archive, rollouts);
        audit.record(AuditEvent.of(user, AuditAction.ROLLOUT_LOGS_ARCHIVED, "archive:" + fileName)
                .change(null, describe(archive).toJson())
                .because(StoredMessage.of("retention.audit.reason", StoredMessage.at(cutoff),
                        StoredMessage.count(olderThanDays)).toJson()));
        return Optional.of(archive);
    }

    /** Where archive files are written. */
    @RolesAllowed(Role.ADMIN_NAME)
    public Path directory() {
        return directory;
    }

    /** The archives made so far, newest first. */
    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional(readOnly = true)
    public List<Archive> archives() {
        return jdbc.sql("select file_name, sha256, entries, rollouts, first_entry_at, last_entry_at, archived_by,"
                        + " archived_at from rollout_log_archive order by id desc")
                .query((rs, n) -> new Archive(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getInt(4),
                        instant(rs, 5), instant(rs, 6), rs.getString(7), instant(rs, 8)))
                .list();
    }

    /** The file of a recorded archive, for its download; empty for a name that is not one (or a file gone). */
    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional(readOnly = true)
    public Optional<Path> file(String fileName) {
        boolean recorded = jdbc.sql("select count(*) from rollout_log_archive where file_name = :name")
                .param("name", fileName).query(Long.class).single() > 0;
        Path file = directory.resolve(fileName).normalize();
        return recorded && directory.equals(file.getParent()) && Files.isRegularFile(file)
                ? Optional.of(file) : Optional.empty();
    }

    /** Where the host run's log went, if its rollout's logs were archived. For the job view: no method security. */
    public Optional<ArchivedLog> archivedLogOf(long hostRunId) {
        return jdbc.sql("select a.file_name, a.sha256, a.archived_at, a.archived_by from host_run r"
                        + " join archived_rollout ar on ar.change_request_id = r.change_request_id"
                        + " join rollout_log_archive a on a.id = ar.archive_id where r.id = :run")
                .param("run", hostRunId)
                .query((rs, n) -> new ArchivedLog(rs.getString(1), rs.getString(2), instant(rs, 3), rs.getString(4)))
                .optional();
    }

    /** What the archive holds, as its audit entry keeps it: the file, its digest, the lines and their times. */
    static StoredMessage describe(Archive archive) {
        return StoredMessage.of("retention.audit.archived", StoredMessage.verbatim(archive.fileName()),
                StoredMessage.verbatim(archive.sha256()), StoredMessage.count(archive.entries()),
                StoredMessage.count(archive.rollouts()), time(archive.firstEntryAt()), time(archive.lastEntryAt()));
    }

    private static StoredMessage.Argument time(@Nullable Instant at) {
        return at == null ? StoredMessage.inner(StoredMessage.of("retention.audit.no-time")) : StoredMessage.at(at);
    }

    private record Written(String sha256, long entries, @Nullable Instant first, @Nullable Instant last) {
    }

    /** Writes the lines into a part file, then moves it into place; it is removed again if the transaction fails. */
    private Written write(List<Long> rollouts, String fileName) {
        Path target = directory.resolve(fileName);
        Path part = directory.resolve(fileName + ".part");
        removeOnRollback(target, part);
        MessageDigest sha256 = sha256();
        LineWriter lines;
        try {
            Files.createDirectories(directory);
            try (OutputStream file = Files.newOutputStream(part);
                 DigestOutputStream digest = new DigestOutputStream(file, sha256);
                 BufferedWriter out = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(digest),
                         StandardCharsets.UTF_8))) {
                lines = new LineWriter(out);
                for (Long rollout : rollouts) {
                    jdbc.sql("select l.id, r.change_request_id, l.host_run_id, r.host_name, l.at, l.step, l.outcome,"
                                    + " l.message, l.evidence from host_run_log l join host_run r on r.id = l.host_run_id"
                                    + " where r.change_request_id = :rollout order by l.id")
                            .param("rollout", rollout)
                            .query(lines::write);
                }
            }
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the archive " + target, e);
        }
        return new Written(HexFormat.of().formatHex(sha256.digest()), lines.entries, lines.first, lines.last);
    }

    /** Writes each row as one JSON line, streamed, and keeps the count and the time range. */
    private final class LineWriter {

        private final BufferedWriter out;
        private long entries;
        private @Nullable Instant first;
        private @Nullable Instant last;

        LineWriter(BufferedWriter out) {
            this.out = out;
        }

        void write(ResultSet rs) throws SQLException {
            Instant at = Objects.requireNonNull(instant(rs, 5));
            Line line = new Line(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), at.toString(),
                    rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9));
            try {
                out.write(json.writeValueAsString(line));
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            entries++;
            first = first == null || at.isBefore(first) ? at : first;
            last = last == null || at.isAfter(last) ? at : last;
        }
    }

    private void record(Archive archive, List<Long> rollouts) {
        jdbc.sql("insert into rollout_log_archive (file_name, sha256, entries, rollouts, first_entry_at,"
                        + " last_entry_at, archived_by, archived_at) values (:file, :sha, :entries, :rollouts, :first,"
                        + " :last, :by, :at)")
                .param("file", archive.fileName())
                .param("sha", archive.sha256())
                .param("entries", archive.entries())
                .param("rollouts", archive.rollouts())
                .param("first", utc(archive.firstEntryAt()))
                .param("last", utc(archive.lastEntryAt()))
                .param("by", clipped(archive.archivedBy(), ARCHIVED_BY_MAX_LENGTH))
                .param("at", utc(archive.archivedAt()))
                .update();
        long id = jdbc.sql("select id from rollout_log_archive where file_name = :file")
                .param("file", archive.fileName()).query(Long.class).single();
        for (Long rollout : rollouts) {
            jdbc.sql("insert into archived_rollout (change_request_id, archive_id) values (:rollout, :archive)")
                    .param("rollout", rollout).param("archive", id).update();
        }
    }

    private static void removeOnRollback(Path... files) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    for (Path file : files) {
                        try {
                            Files.deleteIfExists(file);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                }
            }
        });
    }

    private Instant cutoff(int olderThanDays) {
        if (olderThanDays < 1) {
            throw new IllegalArgumentException("archive only rollouts finished at least a day ago: " + olderThanDays);
        }
        return clock.instant().minus(Duration.ofDays(olderThanDays));
    }

    private static List<List<Long>> chunks(List<Long> ids) {
        List<List<Long>> chunks = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            chunks.add(ids.subList(i, Math.min(ids.size(), i + CHUNK)));
        }
        return chunks;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static @Nullable OffsetDateTime utc(@Nullable Instant at) {
        return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static String clipped(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
