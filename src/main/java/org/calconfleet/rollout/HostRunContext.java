package org.calconfleet.rollout;

import org.calconfleet.fleet.ExchangeServer;
import org.calconfleet.host.HostBackend;

/**
 * What one execution of a host run knows: the run as last committed, its lease, the server, its backend, and whether
 * it resumes a step (found it begun: the task was revived, or a transient failure is tried again).
 */
final class HostRunContext {

    private HostRun run;
    private boolean resumed;
    final HostRunLeases.Lease lease;
    final ExchangeServer server;
    final HostBackend host;

    HostRunContext(HostRun run, HostRunLeases.Lease lease, ExchangeServer server, HostBackend host) {
        this.run = run;
        this.lease = lease;
        this.server = server;
        this.host = host;
        this.resumed = run.getPhase() != Phase.NONE;
    }

    HostRun run() {
        return run;
    }

    boolean resumed() {
        return resumed;
    }

    /** The run went on to a new step or phase: the next action is a first one. */
    void advance(HostRun next) {
        run = next;
        resumed = false;
    }

    /** The step is tried again: its next action first looks at the host. */
    void retried(HostRun next) {
        run = next;
        resumed = true;
    }

    /** The run's record changed within its step (a wait is counted). */
    void waited(HostRun next) {
        run = next;
    }

    int target() {
        return run.getTargetPort();
    }

    String actor() {
        return RolloutStore.actor(run.getChangeRequestId());
    }
}
