package org.calconfleet.rollout;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.calconfleet.backend.HostBackends;
import org.calconfleet.fleet.ExchangeServer;
import org.calconfleet.i18n.StoredMessage;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Carries one host run through its steps ({@link HostRunStep}, one class each): PRECHECK → WRITE → RESTART (stop,
 * start) → VERIFY → DOMINO → done, or ROLLBACK (restore, restart, verify) after a failure past the write. Before
 * every action on the host the run's step and phase are committed; after it, the outcome. An execution that finds a
 * step already begun (the task was revived after its node died, or a transient failure is retried) looks at the host
 * before it acts, so a write, a stop or a start is not sent twice. Retries are {@link StepRetries}'.
 *
 * <p>An interrupted execution (the node is stopping) abandons the run as it stands, to be resumed, and gives its lease
 * up so that the next execution need not wait it out.
 *
 * <p>One runner per run: an execution first claims the run's lease ({@link HostRunLeases}), which its writes and,
 * while it waits, its node renew. Every write is fenced by the run's version and every action after a wait by a
 * renewal, so a runner whose lease was taken over stops before it acts again.
 */
@Component
class HostRunExecutor {

    /** The execution stopped mid-run (its thread was interrupted); the run resumes in a later execution. */
    static final class Abandoned extends RuntimeException {
        Abandoned(String message) {
            super(message);
        }
    }

    /**
     * Another runner holds the run's lease (its execution was revived while it still runs): this one stops before it
     * touches the host, and its execution comes back when the lease would have run out.
     */
    static final class LeaseHeld extends RuntimeException {
        private final Instant until;

        LeaseHeld(long runId, Instant until) {
            super("host run " + runId + " has another runner until " + until);
            this.until = until;
        }

        Instant until() {
            return until;
        }
    }

    private final RolloutStore store;
    private final HostRunLeases leases;
    private final HostBackends backends;
    private final Map<Step, HostRunStep> steps = new EnumMap<>(Step.class);

    HostRunExecutor(RolloutStore store, HostRunLeases leases, HostBackends backends, List<HostRunStep> steps) {
        this.store = store;
        this.leases = leases;
        this.backends = backends;
        steps.forEach(step -> this.steps.put(step.step(), step));
    }

    void run(long runId) {
        String holder = UUID.randomUUID().toString();
        switch (store.claim(runId, holder)) {
            case RolloutStore.Idle idle -> { }
            case RolloutStore.Held held -> throw new LeaseHeld(runId, held.until());
            case RolloutStore.Claimed claimed -> {
                try (HostRunLeases.Lease lease = leases.hold(runId, holder)) {
                    try {
                        steps(claimed.run(), lease, claimed.server());
                    } catch (Abandoned e) {
                        lease.release();
                        throw e;
                    }
                }
            }
        }
    }

    private void steps(HostRun run, HostRunLeases.Lease lease, @Nullable ExchangeServer server) {
        if (server == null) {
            StoredMessage gone = RunMessages.run("server-gone");
            store.finish(run, HostRunState.FAILED, gone, r -> { },
                    StepOutcome.of(run.getStep(), RunMessages.outcome("failed"), gone), null);
            return;
        }
        HostRunContext c = new HostRunContext(run, lease, server, backends.backend(server));
        while (c.run().getState() == HostRunState.RUNNING && c.run().getStep() != Step.FINISHED) {
            if (Thread.currentThread().isInterrupted()) {
                throw new Abandoned("interrupted before " + c.run().getStep() + " of " + c.run().getHostName());
            }
            c.lease.check();
            steps.get(c.run().getStep()).carry(c);
        }
    }

    static Instant seconds(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS);
    }
}
