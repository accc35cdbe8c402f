package org.calconfleet.rollout;

import static org.calconfleet.i18n.StoredMessage.at;
import static org.calconfleet.i18n.StoredMessage.port;
import static org.calconfleet.i18n.StoredMessage.span;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.calconfleet.host.CalConEvents;
import org.calconfleet.host.CalConPorts;
import org.calconfleet.host.HostEvent;
import org.calconfleet.host.HostResult;
import org.calconfleet.host.ServiceState;
import org.calconfleet.i18n.StoredMessage;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Proves the restart took the port: the service runs, no event 5010 (the Notes link failed) and an event 6001 since
 * the restart that names the port. Where logging is below High no 6001 is written: the run is done but unverifiable.
 * A wrong port, a failed link or a stopped service roll the host back; no 6001 although logging is High, after the
 * verify attempts, needs an operator.
 */
@Component
class VerifyStep implements HostRunStep {

    private final RolloutStore store;
    private final StepRetries retries;
    private final HostRunEnds ends;

    VerifyStep(RolloutStore store, StepRetries retries, HostRunEnds ends) {
        this.store = store;
        this.retries = retries;
        this.ends = ends;
    }

    @Override
    public Step step() {
        return Step.VERIFY;
    }

    @Override
    public void carry(HostRunContext c) {
        int target = c.target();
        Instant since = Objects.requireNonNull(c.run().getRestartAt());
        if (c.resumed() && !ends.stillWritten(c, Step.VERIFY)) {
            return;
        }
        while (true) {
            HostResult<ServiceState> state = retries.read(c, HostAction.QUERY_SERVICE, c.host::queryServiceState);
            if (state instanceof HostResult.Failure<ServiceState> f) {
                ends.startRollback(c, Step.VERIFY, RunMessages.cannot(HostAction.QUERY_SERVICE, f));
                return;
            }
            if (state.orElseThrow() != ServiceState.RUNNING) {
                ends.startRollback(c, Step.VERIFY, RunMessages.run("not-running",
                        RunMessages.label(state.orElseThrow().messageKey())));
                return;
            }
            HostResult<List<HostEvent>> read = retries.read(c, HostAction.READ_EVENTS,
                    () -> c.host.readCalConEvents(since));
            if (read instanceof HostResult.Failure<List<HostEvent>> f) {
                ends.startRollback(c, Step.VERIFY, RunMessages.cannot(HostAction.READ_EVENTS, f));
                return;
            }
            List<HostEvent> events = read.orElseThrow();
            Optional<HostEvent> linkFailure = events.stream().filter(CalConEvents::isNotesLinkFailure)
                    .reduce((a, b) -> b);
            if (linkFailure.isPresent()) {
                ends.startRollback(c, Step.VERIFY, RunMessages.run("link-failed",
                        RunMessages.hostText(linkFailure.get().text())));
                return;
            }
            Optional<HostEvent> configured = events.stream()
                    .filter(e -> CalConEvents.configuredPort(e).isPresent()).reduce((a, b) -> b);
            if (configured.isPresent()) {
                int port = CalConEvents.configuredPort(configured.get()).getAsInt();
                if (port != target) {
                    ends.startRollback(c, Step.VERIFY, RunMessages.run("wrong-port", port(port), port(target),
                            RunMessages.hostText(configured.get().text())));
                    return;
                }
                verified(c, Verification.VERIFIED, configured.get());
                return;
            }
            if (!Boolean.TRUE.equals(c.run().getDiagnosticsHigh())) {
                verified(c, Verification.UNVERIFIABLE, null);
                return;
            }
            if (retries.lookAgain(c, delay -> RunMessages.run("no-evidence-yet", span(delay)))) {
                continue;
            }
            StoredMessage why = RunMessages.run("no-evidence");
            ends.finish(c, HostRunState.NEEDS_ATTENTION, why,
                    StepOutcome.of(Step.VERIFY, RunMessages.outcome("no-evidence"), why),
                    HostRunEnds.observation(c, CalConPorts.of(target, target), ServiceState.RUNNING));
            return;
        }
    }

    private void verified(HostRunContext c, Verification verification, @Nullable HostEvent event) {
        StoredMessage message = verification == Verification.VERIFIED
                ? RunMessages.run("verified", at(Objects.requireNonNull(event).time()), port(c.target()))
                : RunMessages.run("unverifiable");
        StepOutcome outcome = StepOutcome.of(Step.VERIFY,
                RunMessages.outcome(verification == Verification.VERIFIED ? "verified" : "unverifiable"), message)
                .evidence(event == null ? null : event.text());
        Consumer<HostRun> record = r -> {
            r.verified(verification, event == null ? null : Evidence.of(event));
            r.setLastMessage(message);
        };
        if (DominoStep.applies(c.server)) {
            Instant now = store.now();
            c.advance(store.step(c.run(), record.andThen(r -> r.enter(Step.DOMINO, Phase.STARTED, now)), outcome));
        } else {
            ends.finish(c, HostRunState.DONE, RunMessages.run("done-without-domino",
                    RunMessages.label(verification.messageKey())), record, outcome,
                    HostRunEnds.doneObservation(c, event));
        }
    }
}
