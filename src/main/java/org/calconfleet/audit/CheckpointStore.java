package org.calconfleet.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The signing key, the checkpoint folder and the database's list of the checkpoints written (which finds a deleted
 * newest file: the folder alone shows only gaps). Loads the key at start-up and refuses to start without one.
 */
@Component
@EnableConfigurationProperties(AuditCheckpointSettings.class)
class CheckpointStore {

    private static final Logger log = LoggerFactory.getLogger(CheckpointStore.class);

    private final KeyPair key;
    private final CheckpointFolder folder;
    private final JdbcTemplate jdbc;
    private final String node;

    CheckpointStore(AuditCheckpointSettings settings, JdbcTemplate jdbc) {
        this.key = loadKey(settings);
        this.folder = new CheckpointFolder(settings.directory().toAbsolutePath().normalize());
        this.jdbc = jdbc;
        this.node = settings.node() == null || settings.node().isBlank() ? hostName() : settings.node();
    }

    private static KeyPair loadKey(AuditCheckpointSettings settings) {
        Path file = settings.keyFile();
        if (file == null || file.toString().isBlank()) {
            throw new IllegalStateException("No audit checkpoint key is configured: set "
                    + AuditCheckpointSettings.KEY_FILE_PROPERTY + " (or the environment variable "
                    + AuditCheckpointSettings.KEY_FILE_VARIABLE + ") to a key file outside the database (README, "
                    + "\"Audit checkpoints\")");
        }
        try {
            if (Files.exists(file)) {
                return CheckpointKeys.read(file);
            }
            if (!settings.createMissingKey()) {
                throw new IllegalStateException("The audit checkpoint key file " + file.toAbsolutePath()
                        + " does not exist (" + AuditCheckpointSettings.KEY_FILE_PROPERTY + ", "
                        + AuditCheckpointSettings.KEY_FILE_VARIABLE + "). Restore it from its backup, or make a new "
                        + "one once with calcon.audit.checkpoint.create-missing-key=true (README, \"Audit checkpoints\")");
            }
            KeyPair created = CheckpointKeys.create(file);
            log.warn("Made a new audit checkpoint key in {}; give auditors {} and back the key up away from the "
                    + "database", file.toAbsolutePath(), CheckpointKeys.publicKeyFile(file).toAbsolutePath());
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException("The audit checkpoint key file " + file.toAbsolutePath() + " ("
                    + AuditCheckpointSettings.KEY_FILE_PROPERTY + ") cannot be read", e);
        }
    }

    /** The seq of the newest checkpoint written, or -1 when none is. */
    long lastCheckpointedSeq() {
        Long seq = jdbc.queryForObject("select max(seq) from audit_checkpoint", Long.class);
        return seq == null ? -1 : seq;
    }

    /** Signs the head and writes it, within the caller's transaction (which holds the chain's head locked). */
    AuditCheckpointWritten write(long seq, String headHash, Instant now) {
        Long last = jdbc.queryForObject("select max(checkpoint_no) from audit_checkpoint", Long.class);
        long number = last == null ? 1 : last + 1;
        AuditCheckpoint checkpoint = AuditCheckpoint.sign(number, seq, headHash, now, node, key.getPrivate());
        jdbc.update("insert into audit_checkpoint (checkpoint_no, seq, head_hash, written_at, node) values (?, ?, ?, ?, ?)",
                number, seq, headHash, Timestamp.from(now), checkpoint.node());
        try {
            return new AuditCheckpointWritten(checkpoint, folder.write(checkpoint));
        } catch (IOException e) {
            throw new UncheckedIOException("The audit checkpoint could not be written to " + folder.path(), e);
        }
    }

    CheckpointSet read() {
        List<Long> written = jdbc.queryForList("select checkpoint_no from audit_checkpoint", Long.class);
        try {
            return folder.read(key.getPublic(), written);
        } catch (IOException e) {
            throw new UncheckedIOException("The audit checkpoint folder " + folder.path() + " cannot be read", e);
        }
    }

    Path folder() {
        return folder.path();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "console";
        }
    }
}
