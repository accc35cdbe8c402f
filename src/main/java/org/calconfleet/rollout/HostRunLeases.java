package org.calconfleet.rollout;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The leases of the host runs this node runs. A runner's writes renew its lease, but a step can wait longer than the
 * lease without writing (a service that takes minutes to stop or start, the wait for event 6001, a back-off, a
 * Domino console): so every {@link RolloutSettings#hostRunLeaseRenewal() third of the lease} one batch renews the
 * leases of all runners here, each only while its runner still holds it. A lease found taken over (its runner went
 * unrenewed for a whole lease: this node starved, or the database was out of reach) is lost: its runner's wait ends at
 * once, and the runner stops before it acts on the host again. After every wait the runner renews its lease itself
 * before it acts, so an action after a wait is fenced like a write.
 *
 * <p>The renewals run on a platform thread of their own: virtual threads busy with host runs cannot hold it up.
 * It stops after the job engine (which depends on this bean), so leases stay renewed while executions wind down.
 */
@Component
class HostRunLeases implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(HostRunLeases.class);

    /** One execution's hold on a host run, from its claim until it stops. */
    final class Lease implements AutoCloseable {
        private final long runId;
        private final String holder;
        private final CountDownLatch lost = new CountDownLatch(1);

        private Lease(long runId, String holder) {
            this.runId = runId;
            this.holder = holder;
        }

        long runId() {
            return runId;
        }

        String holder() {
            return holder;
        }

        /** Stops the runner if a renewal found its lease taken over. */
        void check() {
            if (lost.getCount() == 0) {
                throw new StaleHostRunException(runId, "another runner took the lease over");
            }
        }

        /**
         * Waits for {@code duration}, or less when the lease is lost meanwhile; then renews the lease, so that what
         * the runner does next happens under its own lease, or stops the runner.
         */
        void await(Duration duration) throws InterruptedException {
            lost.await(duration.toNanos(), TimeUnit.NANOSECONDS);
            check();
            if (!writes.renew(List.of(this), clock.instant())[0]) {
                lose();
                check();
            }
        }

        private void lose() {
            lost.countDown();
        }

        /** Gives the lease up for the next runner: this one stops without finishing (its node is stopping). */
        void release() {
            // An interrupted thread breaks the PostgreSQL driver's socket in mid-write: the update runs with the
            // interrupt set aside, which is then restored for the caller.
            boolean interrupted = Thread.interrupted();
            try {
                writes.release(this);
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public void close() {
            if (held.remove(this)) {
                runners.computeIfPresent(runId, (id, n) -> n == 1 ? null : n - 1);
            }
        }
    }

    private final HostRunWrites writes;
    private final Clock clock;
    private final Set<Lease> held = ConcurrentHashMap.newKeySet();
    /** Per host run, its runners here that hold a lease; more than one only if a lease was taken over. */
    private final ConcurrentMap<Long, Integer> runners = new ConcurrentHashMap<>();
    private final AtomicInteger mostRunners = new AtomicInteger();
    private final ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("host-run-leases").factory());

    HostRunLeases(HostRunWrites writes, Clock clock, RolloutSettings settings) {
        this.writes = writes;
        this.clock = clock;
        long every = settings.hostRunLeaseRenewal().toMillis();
        renewer.scheduleWithFixedDelay(this::renewAll, every, every, TimeUnit.MILLISECONDS);
    }

    /** The lease an execution has just claimed, renewed from now on until it is closed. */
    Lease hold(long runId, String holder) {
        Lease lease = new Lease(runId, holder);
        held.add(lease);
        mostRunners.accumulateAndGet(runners.merge(runId, 1, Integer::sum), Math::max);
        return lease;
    }

    /** The most runners this node had inside one host run's steps at once. */
    int mostRunnersAtOnce() {
        return mostRunners.get();
    }

    /** Renews every lease held here; the ones found taken over are lost. */
    void renewAll() {
        List<Lease> leases = List.copyOf(held);
        if (leases.isEmpty()) {
            return;
        }
        try {
            boolean[] renewed = writes.renew(leases, clock.instant());
            for (int i = 0; i < renewed.length; i++) {
                if (!renewed[i] && held.contains(leases.get(i))) {
                    leases.get(i).lose();
                }
            }
        } catch (RuntimeException e) {
            log.warn("renewing {} host run leases failed; trying again", leases.size(), e);
        }
    }

    @Override
    public void destroy() {
        renewer.shutdownNow();
    }
}
