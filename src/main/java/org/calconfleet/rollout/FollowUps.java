package org.calconfleet.rollout;

import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.calconfleet.access.Role;
import org.calconfleet.change.ChangeOrigin;
import org.calconfleet.change.ChangePlan;
import org.calconfleet.change.ChangePlanner;
import org.calconfleet.change.ChangeRefusedException;
import org.calconfleet.change.ChangeRequest;
import org.calconfleet.change.ChangeService;
import org.calconfleet.change.ChangeState;
import org.calconfleet.change.ChangeSummary;
import org.calconfleet.change.HostPlan;
import org.calconfleet.change.Precheck;
import org.calconfleet.change.ValueDiff;
import org.calconfleet.host.CalConPorts;
import org.calconfleet.host.RegistryRead;
import org.calconfleet.i18n.StoredMessage;
import org.calconfleet.port.PortRules;
import org.calconfleet.port.RpcPort;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The changes that follow a finished one, from what its host runs did: its rollback (each host that took it back to
 * the port it had before) and the retry of its failed hosts (each again to the port its run aimed at, AWX's
 * "relaunch on failed hosts"). Both are planned from the hosts as they are now, with the original's waves, and
 * submitted as new change requests that need their own approval.
 */
@Service
public class FollowUps {

    private final ChangeService changes;
    private final ChangePlanner planner;
    private final HostRunRepository runs;

    FollowUps(ChangeService changes, ChangePlanner planner, HostRunRepository runs) {
        this.changes = changes;
        this.planner = planner;
        this.runs = runs;
    }

    /** The rollback of a finished change, planned like any change; hosts whose previous values were not one port are blocked. */
    @RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME})
    public ChangePlan planRollback(long id) {
        return rollback(changes.visibleChange(id));
    }

    /**
     * Submits the rollback of a finished change as a new change request, for approval like any other. A rollback is
     * not rolled back in turn: the original change is submitted again instead.
     */
    @RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME})
    public ChangeSummary submitRollback(long id, String reason, @Nullable String ticket) {
        ChangeRequest.refuseUnfitReason(reason, ticket);
        ChangeRequest original = changes.visibleChange(id);
        if (!original.getState().isFinished()) {
            throw new ChangeRefusedException("rollout.rollback.not-finished", id, original.getState());
        }
        if (original.getRollbackOf() != null) {
            throw new ChangeRefusedException("rollout.rollback.of-rollback", id, original.getRollbackOf());
        }
        return changes.submitFollowUp(rollback(original), reason.strip(), ticket, ChangeOrigin.rollingBack(id));
    }

    /** The retry of a finished rollout's hosts that failed, were rolled back or need attention. */
    @RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME})
    public ChangePlan planRetry(long id) {
        return retry(changes.visibleChange(id));
    }

    /**
     * Submits the retry of a finished rollout's failed hosts as a new change with the rollout's reason, ticket and
     * waves, naming the rollout it retries.
     */
    @RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME})
    public ChangeSummary submitRetry(long id) {
        ChangeRequest original = changes.visibleChange(id);
        return changes.submitFollowUp(retry(original), original.getReason(), original.getTicket(),
                ChangeOrigin.retrying(id));
    }

    /**
     * Each host that took the change goes back to the port it had before (an absent pair goes to 0, dynamic); a
     * host whose previous values were not one port is blocked.
     */
    private ChangePlan rollback(ChangeRequest original) {
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
    private ChangePlan retry(ChangeRequest original) {
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
