package org.calconfleet.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.calconfleet.CalConFleetApplication;
import org.calconfleet.access.Role;
import org.calconfleet.rollout.Users;
import org.calconfleet.testdb.DatabaseTest;
import org.calconfleet.testdb.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The key at start-up: one that is missing or not this database's stops the console, and nothing is changed. */
@DatabaseTest
class VaultStartupTest {

    private static final String RIGHT_KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String WRONG_KEY = Base64.getEncoder().encodeToString("another key of 32 bytes, wrong!!".getBytes());

    @TempDir
    Path dir;

    @Test
    void a_console_started_with_another_key_stops_with_a_clear_error_and_changes_nothing() throws Exception {
        try (TestDatabase database = TestDatabase.create(dir)) {
            try (ConfigurableApplicationContext console = start(database, "--calcon.vault.key=" + RIGHT_KEY)) {
                Users.as("ada", Role.ADMIN, () -> console.getBean(CredentialService.class)
                        .create("svc-osaka", CredentialKind.WINDOWS_ACCOUNT, "CORP\\svc", "S3cret-osaka"));
            }
            List<String> before = vaultRows(database);

            assertThatThrownBy(() -> start(database, "--calcon.vault.key=" + WRONG_KEY).close())
                    .hasRootCauseInstanceOf(VaultKeyException.class)
                    .rootCause().hasMessageContaining("is not the key this database's credentials are sealed with")
                    .hasMessageContaining("CALCON_VAULT_KEY").hasMessageContaining("nothing was changed")
                    .hasMessageNotContaining(WRONG_KEY);
            assertThat(vaultRows(database)).isEqualTo(before);

            try (ConfigurableApplicationContext console = start(database, "--calcon.vault.key=" + RIGHT_KEY)) {
                assertThat(console.getBean(CredentialSecrets.class).windowsAccount("svc-osaka").password())
                        .isEqualTo("S3cret-osaka");
            }
        }
    }

    @Test
    void a_console_outside_the_demo_without_a_key_stops_and_names_the_settings() {
        try (TestDatabase database = TestDatabase.create(dir)) {
            assertThatThrownBy(() -> start(database, "--calcon.vault.key=").close())
                    .hasRootCauseInstanceOf(VaultKeyException.class).rootCause()
                    .hasMessageContaining("CALCON_VAULT_KEY (calcon.vault.key)")
                    .hasMessageContaining("CALCON_VAULT_KEY_FILE (calcon.vault.key-file)");
        }
    }

    private static ConfigurableApplicationContext start(TestDatabase database, String... options) {
        return new SpringApplicationBuilder(CalConFleetApplication.class).profiles("test")
                .run(Stream.of(database.arguments(), options, new String[] {"--server.port=0",
                        "--spring.main.banner-mode=off", "--calcon.drift-scan.enabled=false"})
                        .flatMap(Stream::of).toArray(String[]::new));
    }

    private static List<String> vaultRows(TestDatabase database) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection db = database.connect(); Statement statement = db.createStatement()) {
            for (String sql : List.of("select key_id, check_nonce, check_value from vault_key order by key_id",
                    "select name, key_id, nonce, ciphertext from credential order by name")) {
                try (ResultSet result = statement.executeQuery(sql)) {
                    while (result.next()) {
                        rows.add(result.getString(1) + "|" + result.getString(2) + "|" + result.getString(3) + "|"
                                + (sql.contains("ciphertext") ? result.getString(4) : ""));
                    }
                }
            }
        }
        assertThat(rows).isNotEmpty();
        return rows;
    }
}
