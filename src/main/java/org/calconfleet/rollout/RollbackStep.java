package org.calconfleet.rollout;

import static org.calconfleet.i18n.StoredMessage.inner;
import static org.calconfleet.i18n.StoredMessage.port;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.calconfleet.fleet.Observation;
import org.calconfleet.host.CalConEvents;
import org.calconfleet.host.CalConPorts;
import org.calconfleet.host.Done;
import org.calconfleet.host.HostEvent;
import org.calconfleet.host.HostResult;
import org.calconfleet.host.RegistryRead;
import org.calconfleet.host.ServiceState;
import org.calconfleet.i18n.StoredMessage.Argument;
import org.springframework.stereotype.Component;

/**
 * Puts the previous values back after a failure past the write (unless the host holds them still), restarts the
 * service if the run had restarted it, and proves the service is as it was (and, where logging is High, that event
 * 6001 names the previous port). Whatever fails here leaves the host in neither state: an operator must look.
 */
@Component
class RollbackStep implements HostRunStep {

    private final RolloutStore store;
    private final StepRetries retries;
    private final HostRunEnds ends;
    private final RestartStep restart;

    RollbackStep(RolloutStore store, StepRetries retries, HostRunEnds ends, RestartStep restart) {
        this.store = store;
        this.retries = retries;
        this.ends = ends;
        this.restart = restart;
    }

    @Override
    public Step step() {
        return Step.ROLLBACK;
    }

    @Override
    public void carry(HostRunContext c) {
        switch (c.run().getPhase()) {
            case NONE, STARTED -> restore(c);
            case STOPPING -> restart.stop(c, Step.ROLLBACK);
            case STARTING -> restart.start(c, Step.ROLLBACK);
            case VERIFYING -> verify(c);
        }
    }

    private static boolean unrestorable(RegistryRead read) {
        return read instanceof RegistryRead.WrongType w && !w.restorable();
    }

    /** The service state the precheck found, by its label. */
    private static Argument serviceBefore(HostRun run) {
        return RunMessages.label(ServiceState.valueOf(Objects.requireNonNull(run.getServiceBefore())).messageKey());
    }

    private static CalConPorts previous(HostRun run) {
        return new CalConPorts(RegistryReads.decode(run.getPreviousExchange()),
                RegistryReads.decode(run.getPreviousNotes()));
    }

    private void restore(HostRunContext c) {
        CalConPorts previous = previous(c.run());
        RegistryRead prevExchange = previous.exchangeSide();
        RegistryRead prevNotes = previous.notesSide();
        if (unrestorable(prevExchange) || unrestorable(prevNotes)) {
            ends.needsAttention(c, RunMessages.run("unrestorable", inner(RunMessages.values(previous))));
            return;
        }
        while (true) {
            HostResult<CalConPorts> now = c.host.readCalConPorts();
            if (now instanceof HostResult.Failure<CalConPorts> f) {
                if (retries.retry(c, HostAction.READ_PORTS, f)) {
                    continue;
                }
                ends.needsAttention(c, RunMessages.cannot(HostAction.READ_PORTS, f));
                return;
            }
            boolean same = now.orElseThrow().exchangeSide().equals(prevExchange)
                    && now.orElseThrow().notesSide().equals(prevNotes);
            if (!same) {
                HostResult<Done> restored = c.host.restoreCalConPorts(previous);
                if (restored instanceof HostResult.Failure<Done> f) {
                    if (retries.retry(c, HostAction.RESTORE_PORTS, f)) {
                        continue;
                    }
                    ends.needsAttention(c, RunMessages.run("restore-failed", inner(RunMessages.values(previous)),
                            RunMessages.label(f.kind().messageKey()), RunMessages.hostText(f.detail())));
                    return;
                }
            }
            Argument reason = HostRunEnds.failureReason(c.run());
            Observation seen = HostRunEnds.observation(c, previous, null);
            if (!c.run().isRestarted()) {
                if (same) {
                    ends.finish(c, HostRunState.FAILED, RunMessages.run("nothing-changed", reason),
                            StepOutcome.of(Step.ROLLBACK, RunMessages.outcome("nothing-to-restore"),
                                    RunMessages.run("values-unchanged")), seen);
                } else {
                    ends.finish(c, HostRunState.ROLLED_BACK, RunMessages.run("restored-not-restarted", reason),
                            StepOutcome.of(Step.ROLLBACK, RunMessages.outcome("restored"),
                                    RunMessages.run("restored")).change(null, RunMessages.values(previous)), seen);
                }
                return;
            }
            Instant at = store.now();
            c.advance(store.step(c.run(), r -> {
                r.setLastMessage(RunMessages.run("restored-restarting"));
                r.enter(Step.ROLLBACK, Phase.STOPPING, at);
                r.restarting(HostRunExecutor.seconds(at));
            }, StepOutcome.of(Step.ROLLBACK, RunMessages.outcome(same ? "already-restored" : "restored"),
                    RunMessages.run("put-back", inner(RunMessages.values(previous)))).change(
                    RunMessages.values(c.target()), RunMessages.values(previous))));
            return;
        }
    }

    private void verify(HostRunContext c) {
        CalConPorts previous = previous(c.run());
        boolean shouldRun = RestartStep.wasRunning(c.run().getServiceBefore());
        HostResult<ServiceState> state = retries.read(c, HostAction.QUERY_SERVICE, c.host::queryServiceState);
        if (state instanceof HostResult.Failure<ServiceState> f) {
            ends.needsAttention(c, RunMessages.cannot(HostAction.QUERY_SERVICE, f));
            return;
        }
        ServiceState now = state.orElseThrow();
        if (shouldRun ? now != ServiceState.RUNNING : now != ServiceState.STOPPED) {
            ends.needsAttention(c, RunMessages.run("rollback-service", RunMessages.label(now.messageKey()),
                    serviceBefore(c.run())));
            return;
        }
        HostEvent evidence = null;
        OptionalInt previousPort = previous.agreedPort();
        if (shouldRun && previousPort.isPresent() && Boolean.TRUE.equals(c.run().getDiagnosticsHigh())) {
            Instant since = Objects.requireNonNull(c.run().getRestartAt());
            HostResult<List<HostEvent>> events = retries.read(c, HostAction.READ_EVENTS,
                    () -> c.host.readCalConEvents(since));
            if (events instanceof HostResult.Ok<List<HostEvent>> ok) {
                evidence = ok.value().stream().filter(e -> CalConEvents.configuredPort(e).isPresent())
                        .reduce((a, b) -> b).orElse(null);
                if (evidence != null && CalConEvents.configuredPort(evidence).getAsInt() != previousPort.getAsInt()) {
                    ends.needsAttention(c, RunMessages.run("rollback-wrong-port",
                            RunMessages.hostText(evidence.text()), port(previousPort.getAsInt())));
                    return;
                }
            }
        }
        HostEvent proof = evidence;
        Argument reason = HostRunEnds.failureReason(c.run());
        ends.finish(c, HostRunState.ROLLED_BACK, proof == null ? RunMessages.run("rolled-back", reason)
                        : RunMessages.run("rolled-back-proven", reason, port(previousPort.getAsInt())),
                StepOutcome.of(Step.ROLLBACK, RunMessages.outcome("verified"), RunMessages.run("service-with",
                                RunMessages.label(now.messageKey()), inner(RunMessages.values(previous))))
                        .evidence(proof == null ? null : proof.text()),
                HostRunEnds.observation(c, previous, now).evidence(proof == null ? null : proof.time(),
                        proof == null ? null : proof.text()));
    }
}
