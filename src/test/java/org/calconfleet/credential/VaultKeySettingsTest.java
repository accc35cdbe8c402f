package org.calconfleet.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaultKeySettingsTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @TempDir
    Path dir;

    @Test
    void without_a_key_or_a_key_file_the_error_names_both_settings() {
        assertThatThrownBy(() -> new VaultKeySettings("", "", false).load()).isInstanceOf(VaultKeyException.class)
                .hasMessageContaining("CALCON_VAULT_KEY (calcon.vault.key)")
                .hasMessageContaining("CALCON_VAULT_KEY_FILE (calcon.vault.key-file)");
    }

    @Test
    void a_key_that_is_not_base64_of_32_bytes_is_refused_without_showing_it() {
        String short16 = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> new VaultKeySettings(short16, "", false).load())
                .isInstanceOf(VaultKeyException.class).hasMessageContaining("16 bytes")
                .hasMessageNotContaining(short16);
        assertThatThrownBy(() -> new VaultKeySettings("not*base64", "", false).load())
                .isInstanceOf(VaultKeyException.class).hasMessageContaining("not base64")
                .hasMessageNotContaining("not*base64");
    }

    @Test
    void the_key_from_the_environment_comes_before_the_key_file() throws Exception {
        Path file = dir.resolve("vault.key");
        Files.writeString(file, Base64.getEncoder().encodeToString(new byte[32]).replace('A', 'B'));

        VaultKey key = new VaultKeySettings(KEY, file.toString(), false).load();

        assertThat(key.id()).isEqualTo(VaultKey.of(new byte[32], "x").id());
        assertThat(key.source()).contains("CALCON_VAULT_KEY");
    }

    @Test
    void a_missing_key_file_is_an_error_outside_the_demo() {
        Path file = dir.resolve("missing.key");

        assertThatThrownBy(() -> new VaultKeySettings("", file.toString(), false).load())
                .isInstanceOf(VaultKeyException.class).hasMessageContaining(file.toString())
                .hasMessageContaining("CALCON_VAULT_KEY_FILE");
        assertThat(file).doesNotExist();
    }

    @Test
    void the_demo_makes_a_missing_key_file_once_and_never_overwrites_it() throws Exception {
        Path file = dir.resolve("data").resolve("vault.key");

        VaultKey made = new VaultKeySettings("", file.toString(), true).load();
        String written = Files.readString(file);
        VaultKey again = new VaultKeySettings("", file.toString(), true).load();

        assertThat(Base64.getDecoder().decode(written.strip())).hasSize(32);
        assertThat(Files.readString(file)).isEqualTo(written);
        assertThat(again.id()).isEqualTo(made.id());
    }

    @Test
    void a_key_problem_at_start_up_is_reported_with_the_settings_to_set() {
        var analysis = new VaultKeyFailureAnalyzer().analyze(new IllegalStateException("wrapped",
                new VaultKeyException("No vault key")));

        assertThat(analysis.getDescription()).isEqualTo("No vault key");
        assertThat(analysis.getAction()).contains("CALCON_VAULT_KEY (calcon.vault.key)",
                "CALCON_VAULT_KEY_FILE (calcon.vault.key-file)");
    }
}
