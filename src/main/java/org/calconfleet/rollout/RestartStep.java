package org.calconfleet.rollout;

import static org.calconfleet.i18n.StoredMessage.port;
import static org.calconfleet.i18n.StoredMessage.verbatim;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.calconfleet.host.CalConEvents;
import org.calconfleet.host.HostEvent;
import org.calconfleet.host.HostResult;
import org.calconfleet.host.ServiceState;
import org.calconfleet.i18n.StoredMessage.Argument;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Stops the connector service, then starts it: the restart after the write, and the rollback's restart. A resumed
 * phase first asks the service's state (and, for a stopped service, whether a start already failed: event 5006 since
 * the start was sent), so a stop or a start is not sent twice; past the write it first reads the values again, and a
 * host that lost them is rolled back rather than restarted.
 */
@Component
class RestartStep implements HostRunStep {

    private final RolloutStore store;
    private final RolloutSettings settings;
    private final StepRetries retries;
    private final HostRunEnds ends;

    RestartStep(RolloutStore store, RolloutSettings settings, StepRetries retries, HostRunEnds ends) {
        this.store = store;
        this.settings = settings;
        this.retries = retries;
        this.ends = ends;
    }

    @Override
    public Step step() {
        return Step.RESTART;
    }

    @Override
    public void carry(HostRunContext c) {
        if (c.run().getPhase() == Phase.STARTING) {
            start(c, Step.RESTART);
        } else {
            stop(c, Step.RESTART);
        }
    }

    static boolean wasRunning(@Nullable String serviceBefore) {
        return !ServiceState.STOPPED.name().equals(serviceBefore)
                && !ServiceState.STOP_PENDING.name().equals(serviceBefore);
    }

    void stop(HostRunContext c, Step step) {
        while (true) {
            boolean stopped = false;
            if (c.resumed() && step == Step.RESTART && !ends.stillWritten(c, step)) {
                return;
            }
            if (c.resumed()) {
                HostResult<ServiceState> state = c.host.queryServiceState();
                if (state instanceof HostResult.Failure<ServiceState> f) {
                    if (retries.retry(c, HostAction.QUERY_SERVICE, f)) {
                        continue;
                    }
                    ends.fail(c, step, RunMessages.cannot(HostAction.QUERY_SERVICE, f));
                    return;
                }
                stopped = state.orElseThrow() == ServiceState.STOPPED;
            }
            if (!stopped) {
                HostResult<ServiceState> result = c.host.stopService(settings.getStopTimeout());
                if (result instanceof HostResult.Failure<ServiceState> f) {
                    if (retries.retry(c, HostAction.STOP_SERVICE, f)) {
                        continue;
                    }
                    ends.fail(c, step, RunMessages.run("not-stopped", RunMessages.label(f.kind().messageKey()),
                            RunMessages.hostText(f.detail())));
                    return;
                }
            }
            Instant now = store.now();
            boolean start = step == Step.RESTART || wasRunning(c.run().getServiceBefore());
            c.advance(store.step(c.run(), r -> {
                r.setLastMessage(RunMessages.run("stopped"));
                r.enter(step, start ? Phase.STARTING : Phase.VERIFYING, now);
            }, null));
            return;
        }
    }

    void start(HostRunContext c, Step step) {
        while (true) {
            boolean running = false;
            if (c.resumed() && step == Step.RESTART && !ends.stillWritten(c, step)) {
                return;
            }
            if (c.resumed()) {
                HostResult<ServiceState> state = c.host.queryServiceState();
                if (state instanceof HostResult.Failure<ServiceState> f) {
                    if (retries.retry(c, HostAction.QUERY_SERVICE, f)) {
                        continue;
                    }
                    ends.fail(c, step, RunMessages.cannot(HostAction.QUERY_SERVICE, f));
                    return;
                }
                running = state.orElseThrow() == ServiceState.RUNNING;
                if (state.orElseThrow() == ServiceState.STOPPED) {
                    Optional<HostEvent> startFailure = startFailureSince(c,
                            Objects.requireNonNull(c.run().getPhaseAt()));
                    if (startFailure.isPresent()) {
                        ends.fail(c, step, RunMessages.run("not-started-event",
                                RunMessages.hostText(startFailure.get().text())));
                        return;
                    }
                }
            }
            if (!running) {
                HostResult<ServiceState> result = c.host.startService(settings.getStartTimeout());
                if (result instanceof HostResult.Failure<ServiceState> f) {
                    if (retries.retry(c, HostAction.START_SERVICE, f)) {
                        continue;
                    }
                    Argument kind = RunMessages.label(f.kind().messageKey());
                    Argument detail = RunMessages.hostText(f.detail());
                    ends.fail(c, step, f.hasWindowsErrorCode()
                            ? RunMessages.run("not-started-error", kind, detail, port(f.windowsErrorCode()))
                            : RunMessages.run("not-started", kind, detail));
                    return;
                }
            }
            Instant now = store.now();
            if (step == Step.RESTART) {
                c.advance(store.step(c.run(), r -> {
                    r.setLastMessage(RunMessages.run("restarted"));
                    r.enter(Step.VERIFY, Phase.STARTED, now);
                }, StepOutcome.of(Step.RESTART, RunMessages.outcome("restarted"),
                        RunMessages.run("stopped-and-started", verbatim(c.host.serviceName())))));
            } else {
                c.advance(store.step(c.run(), r -> {
                    r.setLastMessage(RunMessages.run("restarted-previous"));
                    r.enter(Step.ROLLBACK, Phase.VERIFYING, now);
                }, null));
            }
            return;
        }
    }

    private Optional<HostEvent> startFailureSince(HostRunContext c, Instant since) {
        HostResult<List<HostEvent>> events = retries.read(c, HostAction.READ_EVENTS,
                () -> c.host.readCalConEvents(since));
        return events instanceof HostResult.Ok<List<HostEvent>> ok
                ? ok.value().stream().filter(e -> e.is(CalConEvents.SOURCE_CALCON, CalConEvents.SHUTTING_DOWN))
                        .reduce((a, b) -> b)
                : Optional.empty();
    }
}
