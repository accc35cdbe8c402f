package org.calconfleet.rollout;

import static org.calconfleet.i18n.StoredMessage.inner;
import static org.calconfleet.i18n.StoredMessage.port;

import java.time.Instant;
import java.util.function.Consumer;
import org.calconfleet.change.HostInspector;
import org.calconfleet.fleet.ConnectorServiceState;
import org.calconfleet.fleet.Observation;
import org.calconfleet.host.CalConPorts;
import org.calconfleet.host.HostEvent;
import org.calconfleet.host.HostResult;
import org.calconfleet.host.ServiceState;
import org.calconfleet.i18n.StoredMessage.Argument;
import org.calconfleet.i18n.StoredMessage;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * How the steps end a run or hand it to the rollback, and what the run's end records the host shows: a failure past
 * the write rolls the host back; a failing rollback needs an operator.
 */
@Component
class HostRunEnds {

    private final RolloutStore store;
    private final StepRetries retries;

    HostRunEnds(RolloutStore store, StepRetries retries) {
        this.store = store;
        this.retries = retries;
    }

    void finish(HostRunContext c, HostRunState state, StoredMessage message, @Nullable StepOutcome outcome,
            @Nullable Observation observation) {
        finish(c, state, message, r -> { }, outcome, observation);
    }

    void finish(HostRunContext c, HostRunState state, StoredMessage message, Consumer<HostRun> change,
            @Nullable StepOutcome outcome, @Nullable Observation observation) {
        c.advance(store.finish(c.run(), state, message, change, outcome, observation));
    }

    void startRollback(HostRunContext c, Step failedStep, StoredMessage reason) {
        Instant now = store.now();
        c.advance(store.step(c.run(), r -> {
            r.setFailureReason(RunMessages.run("step-failed", RunMessages.label(failedStep.messageKey()),
                    inner(reason)));
            r.setLastMessage(RunMessages.run("rolling-back", inner(reason)));
            r.enter(Step.ROLLBACK, Phase.STARTED, now);
        }, StepOutcome.of(failedStep, RunMessages.outcome("failed"), RunMessages.run("failed-rolling-back",
                inner(reason)))));
    }

    /** A step failed for good: past the write the host is rolled back; a failing rollback needs an operator. */
    void fail(HostRunContext c, Step step, StoredMessage reason) {
        if (step == Step.ROLLBACK) {
            needsAttention(c, RunMessages.run("rollback-failed", inner(reason)));
        } else {
            startRollback(c, step, reason);
        }
    }

    void needsAttention(HostRunContext c, StoredMessage why) {
        StoredMessage full = RunMessages.run("needs-attention", inner(why), failureReason(c.run()));
        finish(c, HostRunState.NEEDS_ATTENTION, full, StepOutcome.of(Step.ROLLBACK, RunMessages.outcome("failed"),
                        full),
                Observation.by(c.actor()).service(ConnectorServiceState.UNKNOWN));
    }

    /**
     * Whether the host still holds the written values, read again when a step past the write resumes; if it does not
     * (or cannot be read), the run is rolled back and the answer is false.
     */
    boolean stillWritten(HostRunContext c, Step step) {
        HostResult<CalConPorts> read = retries.read(c, HostAction.READ_PORTS, c.host::readCalConPorts);
        if (read instanceof HostResult.Failure<CalConPorts> f) {
            startRollback(c, step, RunMessages.cannot(HostAction.READ_PORTS, f));
            return false;
        }
        CalConPorts now = read.orElseThrow();
        if (HostInspector.hasPort(now, c.target())) {
            return true;
        }
        startRollback(c, step, RunMessages.run("values-lost", inner(RunMessages.values(now)), port(c.target())));
        return false;
    }

    /** Why the run failed, as the step that failed recorded it (the reason the rollback then reports). */
    static Argument failureReason(HostRun run) {
        return run.getFailureReason() == null ? inner(RunMessages.run("failed"))
                : RunMessages.stored(run.getFailureReason());
    }

    /** What a host shows after the change took: the new port, running, and the 6001 evidence if any. */
    static Observation doneObservation(HostRunContext c, @Nullable HostEvent evidence) {
        HostRun run = c.run();
        Instant at = evidence != null ? evidence.time() : run.getEvidenceAt();
        String text = evidence != null ? evidence.text() : run.getEvidenceText();
        return observation(c, CalConPorts.of(c.target(), c.target()), ServiceState.RUNNING)
                .diagnosticsHigh(run.getDiagnosticsHigh())
                .evidence(at, text)
                .desired(c.target());
    }

    static Observation observation(HostRunContext c, @Nullable CalConPorts ports, @Nullable ServiceState service) {
        Observation o = Observation.by(c.actor());
        if (ports != null) {
            o = o.ports(RegistryReads.dword(ports.exchangeSide()), RegistryReads.dword(ports.notesSide()));
        }
        return service == null ? o : o.service(ConnectorServiceState.of(service));
    }
}
