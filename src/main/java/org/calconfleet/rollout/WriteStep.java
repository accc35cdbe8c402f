package org.calconfleet.rollout;

import java.time.Instant;
import org.calconfleet.change.HostInspector;
import org.calconfleet.host.CalConPorts;
import org.calconfleet.host.Done;
import org.calconfleet.host.HostResult;
import org.calconfleet.host.RegistryRead;
import org.calconfleet.i18n.StoredMessage;
import org.springframework.stereotype.Component;

/**
 * Writes the port into both values; then the restart. A resumed write first reads the values: written by an earlier
 * execution, they are not written twice. A write that fails for good rolls the host back (it may have written one).
 */
@Component
class WriteStep implements HostRunStep {

    private final RolloutStore store;
    private final StepRetries retries;
    private final HostRunEnds ends;

    WriteStep(RolloutStore store, StepRetries retries, HostRunEnds ends) {
        this.store = store;
        this.retries = retries;
        this.ends = ends;
    }

    @Override
    public Step step() {
        return Step.WRITE;
    }

    @Override
    public void carry(HostRunContext c) {
        int target = c.target();
        while (true) {
            boolean alreadyWritten = false;
            if (c.resumed()) {
                HostResult<CalConPorts> now = c.host.readCalConPorts();
                if (now instanceof HostResult.Failure<CalConPorts> f) {
                    if (retries.retry(c, HostAction.READ_PORTS, f)) {
                        continue;
                    }
                    ends.startRollback(c, Step.WRITE, RunMessages.cannot(HostAction.READ_PORTS, f));
                    return;
                }
                alreadyWritten = HostInspector.hasPort(now.orElseThrow(), target)
                        && now.orElseThrow().exchangeSide() instanceof RegistryRead.Present;
            }
            if (!alreadyWritten) {
                HostResult<Done> written = c.host.writeCalConPorts(target, target);
                if (written instanceof HostResult.Failure<Done> f) {
                    if (retries.retry(c, HostAction.WRITE_PORTS, f)) {
                        continue;
                    }
                    ends.startRollback(c, Step.WRITE, RunMessages.cannot(HostAction.WRITE_PORTS, f));
                    return;
                }
            }
            Instant now = store.now();
            StoredMessage message = RunMessages.run(alreadyWritten ? "already-written" : "written");
            StepOutcome written = StepOutcome.of(Step.WRITE,
                    RunMessages.outcome(alreadyWritten ? "already-written" : "written"), message);
            c.advance(store.step(c.run(), r -> {
                r.setLastMessage(message);
                r.enter(Step.RESTART, Phase.STOPPING, now);
                r.restarting(HostRunExecutor.seconds(now));
            }, written.change(RunMessages.previousValues(c.run()), RunMessages.values(target))));
            return;
        }
    }
}
