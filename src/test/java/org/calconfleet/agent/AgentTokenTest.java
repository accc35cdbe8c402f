package org.calconfleet.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentTokenTest {

    @TempDir
    Path home;

    @Test
    void a_token_is_made_on_first_start_shown_once_and_only_its_salted_hash_is_kept() throws Exception {
        AgentToken.Start first = AgentToken.loadOrCreate(home, null);
        AgentToken.Start second = AgentToken.loadOrCreate(home, null);

        String token = first.generated();
        assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(second.generated()).isNull();
        assertThat(second.token().matches(token)).isTrue();
        String stored = Files.readString(home.resolve(AgentToken.FILE));
        assertThat(stored).startsWith("sha256$").doesNotContain(token);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve(AgentToken.FILE))))
                .isEqualTo("rw-------");
    }

    @Test
    void only_the_token_itself_matches() {
        String token = AgentToken.loadOrCreate(home, null).generated();
        AgentToken check = AgentToken.loadOrCreate(home, null).token();

        assertThat(check.matches(token)).isTrue();
        assertThat(check.matches(token + "x")).isFalse();
        assertThat(check.matches(token.substring(1))).isFalse();
        assertThat(check.matches("")).isFalse();
        assertThat(check.matches(null)).isFalse();
        assertThat(check.matches("x".repeat(100_000))).isFalse();
    }

    @Test
    void a_token_given_in_the_environment_replaces_the_stored_one() {
        String generated = AgentToken.loadOrCreate(home, null).generated();
        String given = AgentToken.generate();

        AgentToken.Start start = AgentToken.loadOrCreate(home, given);

        assertThat(start.given()).isTrue();
        assertThat(start.replaced()).isTrue();
        assertThat(start.generated()).isNull();
        AgentToken stored = AgentToken.loadOrCreate(home, null).token();
        assertThat(stored.matches(given)).isTrue();
        assertThat(stored.matches(generated)).isFalse();
    }

    @Test
    void a_given_token_too_short_or_of_other_characters_is_refused() {
        assertThatThrownBy(() -> AgentToken.loadOrCreate(home, "short")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> AgentToken.loadOrCreate(home, "x".repeat(40) + " y"))
                .isInstanceOf(IllegalStateException.class);
        assertThat(home.resolve(AgentToken.FILE)).doesNotExist();
    }
}
