package org.calconfleet.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class DatabaseKindTest {

    @TempDir
    Path dir;

    @Test
    void an_h2_file_with_the_default_write_delay_writes_behind() {
        DatabaseKind kind = new DatabaseKind(admin(";DB_CLOSE_DELAY=-1"));
        assertThat(kind.h2()).isTrue();
        assertThat(kind.writesBehind()).isTrue();
    }

    @Test
    void an_h2_file_that_writes_each_commit_at_once_or_a_database_in_memory_does_not() {
        assertThat(new DatabaseKind(admin(";WRITE_DELAY=0")).writesBehind()).isFalse();
        DatabaseKind memory = new DatabaseKind(new JdbcTemplate(new DriverManagerDataSource(
                "jdbc:h2:mem:kind-" + System.nanoTime(), "sa", "")));
        assertThat(memory.h2()).isTrue();
        assertThat(memory.writesBehind()).isFalse();
    }

    @Test
    void a_user_without_admin_rights_is_refused_at_once_where_the_file_writes_behind_with_the_ways_out() {
        admin(";DB_CLOSE_DELAY=-1").execute("create user clerk password 'secret'");

        assertThatIllegalStateException().isThrownBy(() -> new DatabaseKind(clerk()))
                .withMessageContaining("the H2 user CLERK has no admin rights")
                .withMessageContaining("WRITE_DELAY 500 ms")
                .withMessageContaining("Connect as an admin user, or have an admin run SET WRITE_DELAY 0");
    }

    @Test
    void a_user_without_admin_rights_is_accepted_where_an_admin_made_the_file_write_each_commit_at_once() {
        JdbcTemplate admin = admin(";DB_CLOSE_DELAY=-1");
        admin.execute("create user clerk password 'secret'");
        admin.execute("set write_delay 0");

        DatabaseKind kind = new DatabaseKind(clerk());
        assertThat(kind.h2()).isTrue();
        assertThat(kind.writesBehind()).isFalse();
    }

    private JdbcTemplate admin(String settings) {
        return new JdbcTemplate(new DriverManagerDataSource(url() + settings, "sa", ""));
    }

    private JdbcTemplate clerk() {
        return new JdbcTemplate(new DriverManagerDataSource(url(), "clerk", "secret"));
    }

    private String url() {
        return "jdbc:h2:file:" + dir.resolve("db");
    }
}
