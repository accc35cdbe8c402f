package org.calconfleet.common;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Lets a caller wait until what it has committed would outlive a killed console, before it does what must not be done
 * twice (the rollout engine, before each step acts on a host). An H2 file database that writes behind (a
 * {@code WRITE_DELAY} above 0, H2's default being 500 ms) puts a commit into its file up to that long afterwards;
 * here a caller waits for one {@code CHECKPOINT} begun after it asked, and the callers that ask while one runs share
 * the next. Writing every commit at once instead ({@code WRITE_DELAY=0}) costs a store of the changed pages per
 * commit, which was half of the engine's CPU. Where a commit is as durable as it gets already (PostgreSQL, an H2 that
 * writes each commit at once, or in memory), the wait returns at once.
 */
@Component
public class DurableCommits {

    private final JdbcTemplate jdbc;
    private final boolean writesBehind;
    private final ReentrantLock flushing = new ReentrantLock();
    /** How many checkpoints were begun; only one runs at a time. */
    private final AtomicLong begun = new AtomicLong();
    /** The number of the last checkpoint ended. */
    private volatile long ended;

    DurableCommits(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.writesBehind = Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) DurableCommits::writesBehind));
    }

    /** Whether commits reach the database's file later than they return, so that {@link #awaitDurable} waits. */
    public boolean writesBehind() {
        return writesBehind;
    }

    /** Returns once everything committed before the call is in the database's file. */
    public void awaitDurable() {
        if (!writesBehind) {
            return;
        }
        // a checkpoint begun before now may have missed the caller's commit; one numbered above it has not
        long needed = begun.get() + 1;
        flushing.lock();
        try {
            if (ended >= needed) {
                return;
            }
            long number = begun.incrementAndGet();
            jdbc.execute("checkpoint");
            ended = number;
        } finally {
            flushing.unlock();
        }
    }

    private static boolean writesBehind(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        if (!"H2".equals(meta.getDatabaseProductName()) || meta.getURL().startsWith("jdbc:h2:mem:")) {
            return false;
        }
        try (Statement statement = connection.createStatement();
                ResultSet delay = statement.executeQuery(
                        "select setting_value from information_schema.settings where setting_name = 'WRITE_DELAY'")) {
            return delay.next() && Integer.parseInt(delay.getString(1).strip()) > 0;
        }
    }
}
