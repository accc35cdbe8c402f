package org.calconfleet.rollout;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.calconfleet.audit.AuditAction;
import org.calconfleet.audit.AuditBatch;
import org.calconfleet.audit.AuditEvent;
import org.calconfleet.i18n.StoredMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves the engine's audit entries from the outbox ({@code audit_outbox}, written in the same transaction as the
 * step each records) into the audit chain, oldest first, in batches: shortly after a step commits (signalled; the
 * pump gathers for {@link #GATHER}), and every second in any case, so that what a dead node left behind is moved by
 * another. One pump runs at a time across nodes (a row lock); each batch is one transaction, so an entry is in the
 * chain or still in the outbox, never both or neither. Entries of steps that end while the node shuts down are moved
 * by another node or at the next start.
 * The time a step happened leads the entry's reason, since the chain stamps the time of its append: the engine
 * writes it into the stored reason ({@link RolloutStore}).
 */
@Component
class AuditPump implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AuditPump.class);
    static final int BATCH = 1000;
    private static final Duration SWEEP = Duration.ofSeconds(1);
    /**
     * After a signal the pump waits this long for more: hundreds of host runs commit steps at the same moment, and
     * one batch for all of them costs a fraction of a batch each (one lock of the chain's head, one insert batch).
     */
    static final Duration GATHER = Duration.ofMillis(200);

    private record Pending(long id, AuditEvent event) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final AuditBatch audit;
    private final TransactionTemplate tx;
    private final BurstSignal signal = new BurstSignal(GATHER);
    private volatile boolean running;
    private @Nullable Thread thread;

    AuditPump(JdbcClient jdbc, JdbcTemplate batches, AuditBatch audit, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.audit = audit;
        this.tx = new TransactionTemplate(transactions);
    }

    void signal() {
        signal.raise();
    }

    /** Moves everything in the outbox now; the number of entries moved. */
    int drain() {
        int moved = 0;
        while (true) {
            Integer n = tx.execute(s -> moveBatch());
            moved += n == null ? 0 : n;
            if (n == null || n < BATCH) {
                return moved;
            }
        }
    }

    private int moveBatch() {
        jdbc.sql("select id from audit_outbox_lock where id = 1 for update").query(Integer.class).list();
        List<Pending> batch = jdbc.sql("select id, occurred_at, actor, action, subject, before_value, after_value,"
                        + " reason from audit_outbox order by id limit " + BATCH)
                .query((rs, i) -> {
                    String reason = rs.getString("reason");
                    return new Pending(rs.getLong("id"), new AuditEvent(rs.getString("actor"),
                            AuditAction.valueOf(rs.getString("action")), rs.getString("subject"),
                            rs.getString("before_value"), rs.getString("after_value"),
                            StoredMessage.looksStored(reason) ? reason
                                    : stampedSentence(rs.getTimestamp("occurred_at").toInstant(), reason)));
                }).list();
        if (batch.isEmpty()) {
            return 0;
        }
        audit.recordAll(batch.stream().map(Pending::event).toList());
        // one delete by key per entry: an IN list of a thousand parameters is checked against every row on H2
        batches.batchUpdate("delete from audit_outbox where id = ?",
                batch.stream().map(pending -> new Object[] {pending.id()}).toList());
        return batch.size();
    }

    /** An entry written as a sentence before reasons were stored messages (these carry their moment themselves). */
    private static String stampedSentence(Instant at, @Nullable String reason) {
        String when = "at " + at;
        return reason == null ? when : when + ": " + reason;
    }

    private void loop() {
        while (running) {
            try {
                signal.await(SWEEP, () -> running);
                drain();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("moving audit entries from the outbox failed; trying again", e);
            }
        }
    }

    @Override
    public void start() {
        running = true;
        // a platform thread: a pass is CPU-bound work that would hold a virtual-thread carrier to its end
        thread = Thread.ofPlatform().daemon().name("audit-pump").start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            signal();
            try {
                t.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            drain();
        } catch (RuntimeException e) {
            log.warn("the audit outbox could not be drained at shutdown; another node or the next start will", e);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
