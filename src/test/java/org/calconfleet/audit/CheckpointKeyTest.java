package org.calconfleet.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

class CheckpointKeyTest {

    @TempDir
    Path folder;

    @Test
    void without_a_key_file_the_console_does_not_start_and_the_error_names_the_setting() {
        assertThatThrownBy(() -> store(null, false)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("calcon.audit.checkpoint.key-file").hasMessageContaining("CALCON_AUDIT_KEY_FILE");
        assertThatThrownBy(() -> store(folder.resolve("gone.key"), false)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("gone.key").hasMessageContaining("does not exist")
                .hasMessageContaining("calcon.audit.checkpoint.key-file");
    }

    @Test
    void a_made_key_is_the_owners_alone_its_public_half_lies_beside_it_and_both_read_back() throws Exception {
        Path keyFile = folder.resolve("keys/checkpoint.key");

        store(keyFile, true);

        assertThat(Files.getPosixFilePermissions(keyFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(CheckpointKeys.publicKeyFile(keyFile))).startsWith("-----BEGIN PUBLIC KEY-----")
                .doesNotContain("PRIVATE");
        var pair = CheckpointKeys.read(keyFile);
        AuditCheckpoint signed = AuditCheckpoint.sign(1, 7, "a".repeat(64), Instant.EPOCH, "node\nwith a break",
                pair.getPrivate());
        assertThat(signed.isSignedBy(CheckpointKeys.readPublic(CheckpointKeys.publicKeyFile(keyFile)))).isTrue();
        assertThat(AuditCheckpoint.parse(signed.text())).contains(signed);
        assertThat(AuditCheckpoint.parse(signed.text().replace("seq=7", "seq=8")).orElseThrow()
                .isSignedBy(pair.getPublic())).isFalse();
    }

    private CheckpointStore store(Path keyFile, boolean createMissingKey) {
        return new CheckpointStore(new AuditCheckpointSettings(keyFile, folder.resolve("checkpoints"),
                Duration.ofMinutes(15), createMissingKey, "node-1"), new JdbcTemplate());
    }
}
