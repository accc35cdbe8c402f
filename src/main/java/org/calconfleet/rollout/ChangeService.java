package org.calconfleet.rollout;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.calconfleet.access.CurrentUser;
import org.calconfleet.access.Role;
import org.calconfleet.access.SiteScope;
import org.calconfleet.audit.AuditAction;
import org.calconfleet.audit.AuditEvent;
import org.calconfleet.audit.AuditTrail;
import org.calconfleet.fleet.ExchangeServer;
import org.calconfleet.fleet.FleetObservations;
import org.calconfleet.host.RegistryRead;
import org.calconfleet.port.PortPolicy;
import org.calconfleet.port.PortRules;
import org.calconfleet.port.RpcPort;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Change requests: plan (per host, before anything runs), submit, approve or reject by a second person, and the
 * follow-ups of a finished change as new requests: its rollback, and the retry of its failed hosts. Host reads for a plan happen outside any transaction; what is
 * stored is stored in one. Every decision is audited.
 */
@Service
public class ChangeService {

    private final ChangePlanner planner;
    private final ChangeRequestRepository changes;
    private final HostRunRepository runs;
    private final HostRunWrites writes;
    private final Admissions admissions;
    private final RolloutQueries queries;
    private final AuditTrail audit;
    private final RolloutPolicy policy;
    private final FleetObservations fleet;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ChangeService(ChangePlanner planner, ChangeRequestRepository changes, HostRunRepository runs, HostRunWrites writes,
            Admissions admissions, RolloutQueries queries, AuditTrail audit, RolloutPolicy policy, FleetObservations fleet,
            PlatformTransactionManager transactions, Clock clock, ApplicationEventPublisher events) {
        this.planner = planner;
        this.changes = changes;
        this.runs = runs;
        this.writes = writes;
        this.admissions = admissions;
        this.queries = queries;
        this.audit = audit;
        this.policy = policy;
        this.fleet = fleet;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.events = events;
    }

    /** What the change would do on each host, read from the hosts now; nothing is stored or changed. */
    @RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME})
    public ChangePlan plan(ChangeDraft draft) {
        if (draft.serverIds().isEmpty()) {
            throw new ChangeRefusedException("rollout.submit.no-servers");
        }
        SiteScope scope = SiteScope.current();
        if (!scope.unlimited() && (fleet.servers(draft.serverIds()).stream().map(ExchangeServer::getSite)
                .filter(scope::allows).count() < Set.copyOf(draft.serverIds()).size())) {
            throw new ChangeRefusedException("rollout.submit.out-of-scope");
        }
        return planner.plan(targets(draft), draft.waves(), draft.port(), List.of());
    }

    /** Stores the change as a DRAFT with its plan as of now, for submitting later. */
    @RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME})
    public ChangeSummary saveDraft(ChangeDraft draft) {
        validate(draft);
        ChangePlan plan = plan(draft);
        return store(plan, draft.reason(), draft.ticket(), draft.port(), ChangeOrigin.NONE, draft.schedule(),
                ChangeState.DRAFT);
    }

    /** Plans the change afresh and submits it for approval (or schedules it, where the policy asks for none). */
    @RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME})
    public ChangeSummary submit(ChangeDraft draft) {
        validate(draft);
        ChangePlan plan = plan(draft);
        return store(plan, draft.reason(), draft.ticket(), draft.port(), ChangeOrigin.NONE, draft.schedule(),
                ChangeState.PENDING_APPROVAL);
    }

    /** Submits a stored draft: the plan is made again from the hosts as they are now. */
    @RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME})
    public ChangeSummary submitDraft(long id) {
        ChangeRequest draft = changeOrRefuse(id);
        if (draft.getState() != ChangeState.DRAFT || draft.getTargetPort() == null) {
            throw new ChangeRefusedException("rollout.submit.not-a-draft", id, draft.getState());
        }
        List<Long> serverIds = runs.findByChangeRequestIdOrderBySeq(id).stream().map(HostRun::getServerId).toList();
        ChangeDraft again = new ChangeDraft(serverIds, draft.getTargetPort(), draft.getReason(), draft.getTicket(),
                draft.schedule(), draft.waves());
        ChangePlan plan = plan(again);
        tx.executeWithoutResult(s -> {
            ChangeRequest locked = lockOrRefuse(id);
            if (locked.getState() != ChangeState.DRAFT) {
                throw new ChangeRefusedException("rollout.submit.not-a-draft", id, locked.getState());
            }
            locked.setState(ChangeState.CANCELLED);
            locked.setEndReason("submitted again as a new change request");
            locked.setFinishedAt(clock.instant());
        });
        return store(plan, again.reason(), again.ticket(), again.port(), ChangeOrigin.NONE, again.schedule(),
                ChangeState.PENDING_APPROVAL);
    }

    /**
     * A second person approves: an OPERATOR or ADMIN who did not request the change. The policy is checked again,
     * the hosts are claimed (a host in another active change refuses the approval) and the rollout is scheduled.
     */
    @RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME})
    public ChangeSummary approve(long id, String comment) {
        String user = CurrentUser.usernameOrSystem();
        return tx.execute(s -> {
            ChangeRequest change = lockOrRefuse(id);
            decidable(change, user);
            List<HostRunRepository.Waiting> pending = pending(id);
            List<String> refused = policyRefusals(pending);
            if (!refused.isEmpty()) {
                throw new ChangeRefusedException("rollout.approve.policy", String.join("; ", refused));
            }
            List<String> busy = busy(pending);
            if (!busy.isEmpty()) {
                throw new ChangeRefusedException("rollout.approve.busy", String.join(", ", busy));
            }
            Instant now = clock.instant();
            change.decide(user, now, comment.strip());
            change.setState(ChangeState.APPROVED);
            audit.record(AuditEvent.of(user, AuditAction.PORT_CHANGE_APPROVED, subject(id))
                    .change(ChangeState.PENDING_APPROVAL.name(), ChangeState.APPROVED.name())
                    .because(comment.isBlank() ? null : comment.strip()));
            schedule(change);
            return queries.summary(change);
        });
    }

    /** A second person rejects, with a comment; the hosts were never claimed. */
    @RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME})
    public ChangeSummary reject(long id, String comment) {
        String user = CurrentUser.usernameOrSystem();
        if (comment.isBlank()) {
            throw new ChangeRefusedException("rollout.reject.comment-required");
        }
        return tx.execute(s -> {
            ChangeRequest change = lockOrRefuse(id);
            decidable(change, user);
            Instant now = clock.instant();
            change.decide(user, now, comment.strip());
            change.setState(ChangeState.REJECTED);
            change.setFinishedAt(now);
            runs.endPending(id, HostRunState.CANCELLED, "the change was rejected", now);
            audit.record(AuditEvent.of(user, AuditAction.PORT_CHANGE_REJECTED, subject(id))
                    .change(ChangeState.PENDING_APPROVAL.name(), ChangeState.REJECTED.name()).because(comment.strip()));
            return queries.summary(change);
        });
    }

    /**
     * The rollback of a finished change, planned like any change: each host that took the change goes back to the
     * port it had before (an absent pair goes to 0, dynamic). Hosts whose previous values were not one port are
     * blocked.
     */
    @RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME})
    public ChangePlan planRollback(long id) {
        ChangeRequest original = changeOrRefuse(id);
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
            OptionalInt agreed = new org.calconfleet.host.CalConPorts(exchange, notes).agreedPort();
            if (agreed.isPresent() && PortRules.check(agreed.getAsInt()).isValid()) {
                targets.add(new ChangePlanner.Target(run.getServerId(), agreed.getAsInt()));
            } else if (exchange instanceof RegistryRead.Absent && notes instanceof RegistryRead.Absent) {
                targets.add(new ChangePlanner.Target(run.getServerId(), RpcPort.DYNAMIC_VALUE));
            } else {
                blocked.add(new HostPlan(run.getServerId(), run.getHostName(), "", -1, HostPlan.Verdict.BLOCKED, -1,
                        List.of(), List.of(Precheck.fail(Precheck.Check.POLICY, "the previous values " + exchange
                        + " / " + notes + " are not one port; choose a port in a new change")), false, null, null,
                        List.of(), null));
            }
        }
        if (targets.isEmpty() && blocked.isEmpty()) {
            throw new ChangeRefusedException("rollout.rollback.nothing", id);
        }
        return planFollowUp(original, targets, blocked);
    }

    /**
     * Submits the rollback of a finished change as a new change request, for approval like any other. A rollback is
     * not rolled back in turn: the original change is submitted again instead.
     */
    @RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME})
    public ChangeSummary submitRollback(long id, String reason, @Nullable String ticket) {
        if (reason.isBlank()) {
            throw new ChangeRefusedException("rollout.submit.reason-required");
        }
        ChangeRequest original = changeOrRefuse(id);
        if (!original.getState().isFinished()) {
            throw new ChangeRefusedException("rollout.rollback.not-finished", id, original.getState());
        }
        if (original.getRollbackOf() != null) {
            throw new ChangeRefusedException("rollout.rollback.of-rollback", id, original.getRollbackOf());
        }
        ChangePlan plan = planRollback(id);
        return store(plan, reason.strip(), ticket, plan.targetPort(), ChangeOrigin.rollingBack(id),
                ChangeDraft.Schedule.now(), ChangeState.PENDING_APPROVAL);
    }

    /**
     * The retry of a finished rollout's hosts that failed, were rolled back or need attention (AWX's "relaunch on
     * failed hosts"): each goes to the port its run aimed at, planned from the hosts as they are now, so a host
     * fixed in the meantime plans as no change. Refused while the rollout has not finished, and when it has no such
     * host.
     */
    @RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME})
    public ChangePlan planRetry(long id) {
        ChangeRequest original = changeOrRefuse(id);
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
        return planFollowUp(original, targets, List.of());
    }

    /**
     * Submits the retry of a finished rollout's failed hosts as a new change with the rollout's reason, ticket and
     * waves, naming the rollout it retries; it needs its own approval like any other.
     */
    @RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME})
    public ChangeSummary submitRetry(long id) {
        ChangePlan plan = planRetry(id);
        ChangeRequest original = changeOrRefuse(id);
        return store(plan, original.getReason(), original.getTicket(), plan.targetPort(), ChangeOrigin.retrying(id),
                ChangeDraft.Schedule.now(), ChangeState.PENDING_APPROVAL);
    }

    // ----------------------------------------------------------------

    /** A change that follows from a finished one: the same waves, and one port where every host goes to the same. */
    private ChangePlan planFollowUp(ChangeRequest original, List<ChangePlanner.Target> targets,
            List<HostPlan> blocked) {
        Set<Integer> ports = targets.stream().map(ChangePlanner.Target::port).collect(Collectors.toSet());
        return planner.plan(targets, original.waves(), ports.size() == 1 ? ports.iterator().next() : null, blocked);
    }

    private ChangeSummary store(ChangePlan plan, String reason, @Nullable String ticket, @Nullable Integer port,
            ChangeOrigin origin, ChangeDraft.Schedule schedule, ChangeState state) {
        if (state != ChangeState.DRAFT && plan.changes() == 0) {
            throw new ChangeRefusedException("rollout.submit.nothing-to-change", plan.noChange(), plan.blocked());
        }
        String user = CurrentUser.usernameOrSystem();
        return tx.execute(s -> {
            Instant now = clock.instant();
            ChangeRequest change = new ChangeRequest(reason, ticket, port, origin, user, now, schedule, plan.waves());
            change.setState(state);
            change.setHostCount(plan.hosts().size());
            changes.save(change);
            int seq = 0;
            List<HostRun> toSave = new ArrayList<>(plan.hosts().size());
            for (HostPlan host : plan.hosts()) {
                HostRunState runState = switch (host.verdict()) {
                    case CHANGE -> HostRunState.PENDING;
                    case NO_CHANGE -> HostRunState.NO_CHANGE;
                    case BLOCKED -> HostRunState.SKIPPED;
                };
                String message = switch (host.verdict()) {
                    case CHANGE -> "waiting for wave " + host.wave();
                    case NO_CHANGE -> "already at port " + host.targetPort() + ": nothing to do";
                    case BLOCKED -> "blocked at plan time: " + host.failures().stream().map(Precheck::toString)
                            .collect(Collectors.joining("; "));
                };
                toSave.add(new HostRun(change.id(), host.serverId(), host.hostName(), Math.max(host.wave(), 0), seq++,
                        Math.max(host.targetPort(), 0), runState, host.summary(), message, now));
            }
            writes.insert(toSave);
            if (state != ChangeState.DRAFT) {
                audit.record(AuditEvent.of(user, AuditAction.PORT_CHANGE_REQUESTED, subject(change.id()))
                        .change(null, (port == null ? "previous ports" : "port " + port) + " on "
                                + plan.hosts().size() + " servers: " + plan.changes() + " to change, " + plan.noChange()
                                + " no change, " + plan.blocked() + " blocked, " + plan.unverifiable()
                                + " unverifiable; " + plan.waveCount() + " waves"
                                + origin.auditNote()
                                + (ticket == null ? "" : "; ticket " + ticket))
                        .because(reason));
                if (!policy.approvalRequired()) {
                    change.decide("policy", now, "the policy requires no approval");
                    change.setState(ChangeState.APPROVED);
                    audit.record(AuditEvent.of("system", AuditAction.PORT_CHANGE_APPROVED, subject(change.id()))
                            .change(ChangeState.PENDING_APPROVAL.name(), ChangeState.APPROVED.name())
                            .because("the policy requires no approval"));
                    List<String> busy = busy(pending(change.id()));
                    if (!busy.isEmpty()) {
                        throw new ChangeRefusedException("rollout.approve.busy", String.join(", ", busy));
                    }
                    schedule(change);
                } else {
                    events.publishEvent(new ChangeAwaitingApproval(change.id(), user, reason, ticket, now,
                            plan.hosts().stream().filter(h -> h.verdict() == HostPlan.Verdict.CHANGE)
                                    .map(h -> new ChangeAwaitingApproval.Host(h.serverId(), h.hostName(),
                                            h.targetPort())).toList()));
                }
            }
            return queries.summary(change);
        });
    }

    private void schedule(ChangeRequest change) {
        runs.claimPending(change.id());
        change.setState(ChangeState.SCHEDULED);
        admissions.scheduleStart(change);
        admissions.progress(change.id());
    }

    private void decidable(ChangeRequest change, String user) {
        if (change.getState() != ChangeState.PENDING_APPROVAL) {
            throw new ChangeRefusedException("rollout.approve.state", change.id(), change.getState());
        }
        if (change.getRequestedBy().equalsIgnoreCase(user)) {
            throw new ChangeRefusedException("rollout.approve.own", change.id());
        }
    }

    private List<HostRunRepository.Waiting> pending(long changeId) {
        return runs.findWaitingByChangeRequestIdAndStateOrderBySeq(changeId, HostRunState.PENDING);
    }

    private List<String> policyRefusals(List<HostRunRepository.Waiting> pending) {
        List<FleetObservations.DesiredPort> desired = fleet.desiredPorts();
        Map<Long, String> siteOf = desired.stream()
                .collect(Collectors.toMap(FleetObservations.DesiredPort::serverId, FleetObservations.DesiredPort::site));
        SitePeers sitePeers = new SitePeers(desired, pending.stream().map(HostRunRepository.Waiting::serverId).toList());
        PortPolicy portPolicy = policy.portPolicy();
        List<String> refused = new ArrayList<>();
        for (HostRunRepository.Waiting run : pending) {
            var port = PortRules.check(run.targetPort()).validPort();
            if (port.isEmpty()) {
                refused.add(run.hostName() + ": port " + run.targetPort());
                continue;
            }
            var refusals = portPolicy.refusalsFor(port.get(), sitePeers.of(siteOf.getOrDefault(run.serverId(), "")));
            if (!refusals.isEmpty()) {
                refused.add(run.hostName() + ": " + refusals.stream().map(r -> r.messageKey() + r.arguments())
                        .collect(Collectors.joining(", ")));
            }
        }
        return refused;
    }

    private List<String> busy(List<HostRunRepository.Waiting> pending) {
        if (pending.isEmpty()) {
            return List.of();
        }
        Map<Long, String> names = pending.stream()
                .collect(Collectors.toMap(HostRunRepository.Waiting::serverId, HostRunRepository.Waiting::hostName));
        return runs.findClaimByActiveServerIdNotNull().stream()
                .filter(c -> names.containsKey(c.serverId()))
                .map(c -> names.get(c.serverId()) + " (change #" + c.changeRequestId() + ")")
                .toList();
    }

    /** A change of servers outside the acting user's sites is as if it were not there. */
    private ChangeRequest changeOrRefuse(long id) {
        return changes.findById(id).filter(change -> queries.visible(id))
                .orElseThrow(() -> new ChangeRefusedException("rollout.change.unknown", id));
    }

    private ChangeRequest lockOrRefuse(long id) {
        return changes.lock(id).filter(change -> queries.visible(id))
                .orElseThrow(() -> new ChangeRefusedException("rollout.change.unknown", id));
    }

    private static void validate(ChangeDraft draft) {
        if (draft.reason().isBlank()) {
            throw new ChangeRefusedException("rollout.submit.reason-required");
        }
        if (draft.reason().length() > ChangeRequest.REASON_MAX_LENGTH
                || (draft.ticket() != null && draft.ticket().length() > ChangeRequest.TICKET_MAX_LENGTH)) {
            throw new ChangeRefusedException("rollout.submit.too-long");
        }
    }

    private List<ChangePlanner.Target> targets(ChangeDraft draft) {
        return draft.serverIds().stream().map(id -> new ChangePlanner.Target(id, draft.port())).toList();
    }

    static String subject(long changeId) {
        return "change:" + changeId;
    }
}
