package org.calconfleet.common;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Lets a caller wait until what it has committed would outlive a killed console, before it does what must not be done
 * twice (the rollout engine, before each step acts on a host). An H2 file database that writes behind (a
 * {@code WRITE_DELAY} above 0, H2's default being 500 ms) puts a commit into its file up to that long afterwards;
 * here a caller waits for one {@code CHECKPOINT} begun after it asked, and the callers that ask while one runs share
 * the next. Writing every commit at once instead ({@code WRITE_DELAY=0}) costs a store of the changed pages per
 * commit, which was half of the engine's CPU. Where a commit is as durable as it gets already (PostgreSQL, an H2 that
 * writes each commit at once, or in memory), the wait returns at once; see {@link DatabaseKind#writesBehind}.
 */
@Component
public class DurableCommits {

    public static final String CHECKPOINTS = "calcon.database.checkpoints";

    private final JdbcTemplate jdbc;
    private final boolean writesBehind;
    private final ReentrantLock flushing = new ReentrantLock();
    /** How many checkpoints were begun; only one runs at a time. */
    private final AtomicLong begun = new AtomicLong();
    /** The number of the last checkpoint ended. */
    private volatile long ended;
    private final Timer checkpoints;

    DurableCommits(JdbcTemplate jdbc, DatabaseKind database, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.writesBehind = database.writesBehind();
        this.checkpoints = Timer.builder(CHECKPOINTS)
                .description("Checkpoints run so that committed rollout steps are on disk before a host is acted on"
                        + " (an H2 file that writes behind only; the callers waiting at once share one)")
                .register(meters);
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
            checkpoints.record(() -> jdbc.execute("checkpoint"));
            ended = number;
        } finally {
            flushing.unlock();
        }
    }
}
