package org.calconfleet.rollout;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.calconfleet.i18n.StoredMessage;
import org.calconfleet.port.PortPolicy;
import org.calconfleet.port.PortRules;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Change requests: plan (per host, before anything runs), submit, approve or reject by a second person, and the
 * follow-ups of a finished change as new requests: its rollback, and the retry of its failed hosts (planned by
 * {@link FollowUpPlanner}). Host reads for a plan happen outside any transaction; what is stored is stored in one.
 * Every decision is audited, as messages rendered when read.
 */
@Service
public class ChangeService {

    private final ChangePlanner planner;
    private final FollowUpPlanner followUps;
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

    ChangeService(ChangePlanner planner, FollowUpPlanner followUps, ChangeRequestRepository changes,
            HostRunRepository runs, HostRunWrites writes, Admissions admissions, RolloutQueries queries,
            AuditTrail audit, RolloutPolicy policy, FleetObservations fleet, PlatformTransactionManager transactions,
            Clock clock, ApplicationEventPublisher events) {
        this.planner = planner;
        this.followUps = followUps;
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
                    .change(label(ChangeState.PENDING_APPROVAL), label(ChangeState.APPROVED))
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
            runs.endPending(id, HostRunState.CANCELLED, StoredMessage.of("rollout.run.rejected").toJson(), now);
            audit.record(AuditEvent.of(user, AuditAction.PORT_CHANGE_REJECTED, subject(id))
                    .change(label(ChangeState.PENDING_APPROVAL), label(ChangeState.REJECTED)).because(comment.strip()));
            return queries.summary(change);
        });
    }

    /**
     * The rollback of a finished change, planned like any change: each host that took the change goes back to the
     * port it had before. Hosts whose previous values were not one port are blocked.
     */
    @RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME})
    public ChangePlan planRollback(long id) {
        return followUps.rollback(changeOrRefuse(id));
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
     * failed hosts"), planned from the hosts as they are now.
     */
    @RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME})
    public ChangePlan planRetry(long id) {
        return followUps.retry(changeOrRefuse(id));
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
                StoredMessage message = switch (host.verdict()) {
                    case CHANGE -> StoredMessage.of("rollout.run.waiting-wave", StoredMessage.count(host.wave()));
                    case NO_CHANGE -> StoredMessage.of("rollout.run.already-at", StoredMessage.port(host.targetPort()));
                    case BLOCKED -> host.blockedBy(HostRun.MESSAGE_MAX_LENGTH);
                };
                toSave.add(new HostRun(change.id(), host.serverId(), host.hostName(), Math.max(host.wave(), 0), seq++,
                        Math.max(host.targetPort(), 0), runState, host.summary(HostRun.PLAN_MAX_LENGTH).toJson(),
                        message.toJson(), now));
            }
            writes.insert(toSave);
            if (state != ChangeState.DRAFT) {
                audit.record(AuditEvent.of(user, AuditAction.PORT_CHANGE_REQUESTED, subject(change.id()))
                        .change(null, requested(plan, port, origin, ticket).toJson()).because(reason));
                if (!policy.approvalRequired()) {
                    change.decide("policy", now, "the policy requires no approval");
                    change.setState(ChangeState.APPROVED);
                    audit.record(AuditEvent.of("system", AuditAction.PORT_CHANGE_APPROVED, subject(change.id()))
                            .change(label(ChangeState.PENDING_APPROVAL), label(ChangeState.APPROVED))
                            .because(StoredMessage.of("rollout.audit.no-approval-required").toJson()));
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

    /** What the request's audit entry says was asked: the port, the plan's totals, its origin and its ticket. */
    private static StoredMessage requested(ChangePlan plan, @Nullable Integer port, ChangeOrigin origin,
            @Nullable String ticket) {
        StoredMessage totals = StoredMessage.of("rollout.audit.requested", StoredMessage.inner(port == null
                        ? StoredMessage.of("rollout.audit.previous-ports")
                        : StoredMessage.of("rollout.audit.port", StoredMessage.port(port))),
                StoredMessage.count(plan.hosts().size()), StoredMessage.count(plan.changes()),
                StoredMessage.count(plan.noChange()), StoredMessage.count(plan.blocked()),
                StoredMessage.count(plan.unverifiable()), StoredMessage.count(plan.waveCount()));
        List<StoredMessage.Argument> notes = new ArrayList<>();
        origin.auditNote().ifPresent(note -> notes.add(StoredMessage.inner(note)));
        if (ticket != null) {
            notes.add(StoredMessage.inner(StoredMessage.of("rollout.audit.ticket", StoredMessage.verbatim(ticket))));
        }
        return notes.isEmpty() ? totals : StoredMessage.of("rollout.audit.requested-with",
                StoredMessage.inner(totals), StoredMessage.listed(notes));
    }

    /** A change's state as the audit trail keeps it: the label its screens show, rendered when read. */
    static String label(ChangeState state) {
        return StoredMessage.of(state.messageKey()).toJson();
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
