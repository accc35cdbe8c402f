package org.calconfleet.rollout;

import static org.calconfleet.i18n.StoredMessage.inner;
import static org.calconfleet.i18n.StoredMessage.listed;
import static org.calconfleet.i18n.StoredMessage.port;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.calconfleet.change.HostInspector;
import org.calconfleet.change.PlanSettings;
import org.calconfleet.fleet.Observation;
import org.calconfleet.host.CalConPorts;
import org.calconfleet.host.HostResult;
import org.calconfleet.host.ServiceState;
import org.calconfleet.i18n.StoredMessage.Argument;
import org.calconfleet.i18n.StoredMessage;
import org.springframework.stereotype.Component;

/**
 * Looks at the host as the plan did, reads retried: a host that fails a check ends FAILED with nothing changed, one
 * already at the port ends NO_CHANGE. Otherwise the previous values and service state are kept for the rollback and
 * the run goes on to the write (or straight to the restart when the values already hold the port), unless the
 * rollout was cancelled meanwhile: this is the last point where nothing has been changed.
 */
@Component
class PrecheckStep implements HostRunStep {

    private final RolloutStore store;
    private final PlanSettings settings;
    private final StepRetries retries;
    private final HostRunEnds ends;

    PrecheckStep(RolloutStore store, PlanSettings settings, StepRetries retries, HostRunEnds ends) {
        this.store = store;
        this.settings = settings;
        this.retries = retries;
        this.ends = ends;
    }

    @Override
    public Step step() {
        return Step.PRECHECK;
    }

    @Override
    public void carry(HostRunContext c) {
        if (c.run().getPhase() == Phase.NONE) {
            Instant now = store.now();
            c.advance(store.step(c.run(), r -> r.enter(Step.PRECHECK, Phase.STARTED, now), null));
        }
        int target = c.target();
        HostInspector.Inspection i = HostInspector.inspect(c.host, target, settings.getProbeTimeout(),
                new HostInspector.Caller() {
                    @Override
                    public <T> HostResult<T> call(HostInspector.HostRead what, Supplier<HostResult<T>> read) {
                        return retries.read(c, RunMessages.label(what.actionKey()), read);
                    }
                });
        Observation seen = HostRunEnds.observation(c, i.ports(), i.service()).diagnosticsHigh(
                i.diagnostics() == null ? null : i.diagnostics().isHighOrAbove());
        if (i.blocked()) {
            StoredMessage why = problems(i);
            ends.finish(c, HostRunState.FAILED, RunMessages.run("precheck-failed", inner(why)),
                    StepOutcome.of(Step.PRECHECK, RunMessages.outcome("failed"), why), seen);
            return;
        }
        CalConPorts ports = Objects.requireNonNull(i.ports());
        ServiceState service = Objects.requireNonNull(i.service());
        if (i.atTarget(target)) {
            ends.finish(c, HostRunState.NO_CHANGE, RunMessages.run("at-target", port(target)),
                    StepOutcome.of(Step.PRECHECK, RunMessages.outcome("no-change"),
                            RunMessages.run("both-hold", port(target))), seen.desired(target));
            return;
        }
        boolean needsWrite = i.needsWrite(target);
        boolean unverifiable = i.unverifiable();
        Instant now = store.now();
        StoredMessage before = RunMessages.run("values-and-service", inner(RunMessages.values(ports)),
                RunMessages.label(service.messageKey()));
        StoredMessage after = RunMessages.run("values-restarted", inner(RunMessages.values(target)));
        StoredMessage message = passed(target, needsWrite, unverifiable);
        c.advance(store.stepUnlessCancelled(c.run(), r -> {
            r.prechecked(RegistryReads.encode(ports.exchangeSide()), RegistryReads.encode(ports.notesSide()),
                    service.name(), !unverifiable, needsWrite);
            r.setLastMessage(message);
            if (needsWrite) {
                r.enter(Step.WRITE, Phase.STARTED, now);
            } else {
                r.enter(Step.RESTART, Phase.STOPPING, now);
                r.restarting(HostRunExecutor.seconds(now));
            }
        }, StepOutcome.of(Step.PRECHECK, RunMessages.outcome("passed"), message).change(before, after)));
    }

    private static StoredMessage problems(HostInspector.Inspection i) {
        return i.blockedBy();
    }

    private static StoredMessage passed(int target, boolean needsWrite, boolean unverifiable) {
        List<Argument> notes = new ArrayList<>();
        if (!needsWrite) {
            notes.add(inner(RunMessages.run("restart-only", port(target))));
        }
        if (unverifiable) {
            notes.add(inner(RunMessages.run("will-be-unverifiable")));
        }
        return notes.isEmpty() ? RunMessages.run("precheck-passed")
                : RunMessages.run("precheck-passed-noting", listed(notes));
    }
}
