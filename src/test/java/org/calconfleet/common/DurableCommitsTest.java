package org.calconfleet.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * What a killed console would find of its H2 file is read from a copy of the file taken while the database is open:
 * the bytes on disk, without anything H2 still holds in memory.
 */
class DurableCommitsTest {

    private static final int CALLERS = 200;

    @TempDir
    Path dir;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void a_commit_waited_for_is_in_the_file_long_before_the_write_delay_would_have_put_it_there() throws Exception {
        JdbcTemplate jdbc = database("behind", ";WRITE_DELAY=60000");
        DurableCommits commits = new DurableCommits(jdbc, new DatabaseKind(jdbc), meters);
        jdbc.execute("create table step (id int primary key)");
        commits.awaitDurable();

        jdbc.update("insert into step values (1)");
        assertThat(stepsInCopyOf("behind")).as("the write delay holds the commit back").isZero();
        commits.awaitDurable();
        assertThat(stepsInCopyOf("behind")).isEqualTo(1);
        assertThat(checkpoints()).isEqualTo(2);
    }

    @Test
    void callers_that_wait_at_once_each_find_their_own_commit_in_the_file_and_share_the_checkpoints()
            throws Exception {
        JdbcTemplate jdbc = database("many", ";WRITE_DELAY=60000");
        DurableCommits commits = new DurableCommits(jdbc, new DatabaseKind(jdbc), meters);
        jdbc.execute("create table step (id int primary key)");
        commits.awaitDurable();
        List<Future<?>> callers = new ArrayList<>();
        CyclicBarrier allCommitted = new CyclicBarrier(CALLERS);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < CALLERS; i++) {
                int id = i;
                callers.add(threads.submit(() -> {
                    jdbc.update("insert into step values (?)", id);
                    allCommitted.await();
                    commits.awaitDurable();
                    return null;
                }));
            }
            for (Future<?> caller : callers) {
                caller.get();
            }
        }
        assertThat(stepsInCopyOf("many")).isEqualTo(CALLERS);
        // one before the callers; then each checkpoint serves every caller that asked before it began
        assertThat(checkpoints()).isBetween(2L, 1L + CALLERS / 10);
    }

    @Test
    void nothing_is_run_where_each_commit_is_written_at_once() {
        JdbcTemplate jdbc = database("at-once", ";WRITE_DELAY=0");
        jdbc.execute("create table step (id int primary key)");
        jdbc.update("insert into step values (1)");
        new DurableCommits(jdbc, new DatabaseKind(jdbc), meters).awaitDurable();
        assertThat(checkpoints()).isZero();
    }

    private long checkpoints() {
        return meters.timer(DurableCommits.CHECKPOINTS).count();
    }

    private JdbcTemplate database(String name, String settings) {
        return new JdbcTemplate(new DriverManagerDataSource(
                "jdbc:h2:file:" + dir.resolve(name).resolve("db") + ";DB_CLOSE_DELAY=-1" + settings, "sa", ""));
    }

    private long stepsInCopyOf(String name) throws Exception {
        Path copy = Files.createTempDirectory(dir, "copy-").resolve("db.mv.db");
        Files.copy(dir.resolve(name).resolve("db.mv.db"), copy);
        String url = "jdbc:h2:file:" + copy.getParent().resolve("db") + ";ACCESS_MODE_DATA=r";
        SingleConnectionDataSource copied = new SingleConnectionDataSource(url, "sa", "", true);
        try {
            Long steps = new JdbcTemplate(copied).queryForObject("select count(*) from step", Long.class);
            return steps == null ? 0 : steps;
        } finally {
            copied.destroy();
        }
    }
}
