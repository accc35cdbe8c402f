package org.calconfleet.rollout;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.calconfleet.host.CalConPorts;
import org.calconfleet.host.RegistryRead;
import org.calconfleet.i18n.StoredMessage;
import org.calconfleet.port.PortRules;
import org.calconfleet.port.RpcPort;
import org.springframework.stereotype.Component;

/**
 * Plans the changes that follow a finished one: its rollback (each host that took it back to the port it had
 * before) and the retry of its failed hosts (each again to the port its run aimed at). Both are planned from the
 * hosts as they are now, with the original's waves; the caller stores them as new change requests.
 */
@Component
class FollowUpPlanner {

    private final ChangePlanner planner;
    private final HostRunRepository runs;

    FollowUpPlanner(ChangePlanner planner, HostRunRepository runs) {
        this.planner = planner;
        this.runs = runs;
    }

    /**
     * Each host that took the change goes back to the port it had before (an absent pair goes to 0, dynamic); a
     * host whose previous values were not one port is blocked.
     */
    ChangePlan rollback(ChangeRequest original) {
        long id = original.id();
        if (!original.getState().isFinished() && original.getState() != ChangeState.RUNNING) {
            throw new ChangeRefusedException("rollout.rollback.not-run", id, original.getState());
        }
        List<ChangePlanner.Target> targets = new ArrayList<>();
        List<HostPlan> blocked = new ArrayList<>();
        for (HostRun run : runs.findByChangeRequestIdOrderBySeq(id)) {
            if (run.getState() != HostRunState.DONE && run.getState() != HostRunState.AWAITING_CONFIRMATION) {
                continue;
            }
            RegistryRead exchange = RegistryReads.decode(run.getPreviousExchange());
            RegistryRead notes = RegistryReads.decode(run.getPreviousNotes());
            OptionalInt agreed = new CalConPorts(exchange, notes).agreedPort();
            if (agreed.isPresent() && PortRules.check(agreed.getAsInt()).isValid()) {
                targets.add(new ChangePlanner.Target(run.getServerId(), agreed.getAsInt()));
            } else if (exchange instanceof RegistryRead.Absent && notes instanceof RegistryRead.Absent) {
                targets.add(new ChangePlanner.Target(run.getServerId(), RpcPort.DYNAMIC_VALUE));
            } else {
                Precheck notOnePort = Precheck.fail(Precheck.Check.POLICY, "rollout.precheck.rollback.not-one-port",
                        StoredMessage.inner(ValueDiff.value(exchange)), StoredMessage.inner(ValueDiff.value(notes)));
                blocked.add(new HostPlan(run.getServerId(), run.getHostName(), "", -1, HostPlan.Verdict.BLOCKED, -1,
                        List.of(), List.of(notOnePort), false, null, null, List.of(), null));
            }
        }
        if (targets.isEmpty() && blocked.isEmpty()) {
            throw new ChangeRefusedException("rollout.rollback.nothing", id);
        }
        return plan(original, targets, blocked);
    }

    /**
     * Each host of a finished rollout that failed, was rolled back or needs attention goes to the port its run aimed
     * at, so a host fixed in the meantime plans as no change. Refused while the rollout has not finished, and when it
     * has no such host.
     */
    ChangePlan retry(ChangeRequest original) {
        long id = original.id();
        if (!original.getState().isFinished()) {
            throw new ChangeRefusedException("rollout.retry.not-finished", id, original.getState());
        }
        List<ChangePlanner.Target> targets = runs.findByChangeRequestIdOrderBySeq(id).stream()
                .filter(run -> run.getState().isFailure())
                .map(run -> new ChangePlanner.Target(run.getServerId(), run.getTargetPort()))
                .toList();
        if (targets.isEmpty()) {
            throw new ChangeRefusedException("rollout.retry.nothing", id);
        }
        return plan(original, targets, List.of());
    }

    /** The same waves, and one port where every host goes to the same. */
    private ChangePlan plan(ChangeRequest original, List<ChangePlanner.Target> targets, List<HostPlan> blocked) {
        Set<Integer> ports = targets.stream().map(ChangePlanner.Target::port).collect(Collectors.toSet());
        return planner.plan(targets, original.waves(), ports.size() == 1 ? ports.iterator().next() : null, blocked);
    }
}
