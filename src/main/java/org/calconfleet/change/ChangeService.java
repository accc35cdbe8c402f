package org.calconfleet.change;

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
import org.calconfleet.audit.AuditSubject;
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
 * the rollout feature, from what the original's host runs did). Host reads for a plan happen outside any
 * transaction; what is stored is stored in one.
 * Every decision is audited, as messages rendered when read.
 */
@Service
public class ChangeService {

    private final ChangePlanner planner;
    private final ChangeRequestRepository changes;
    private final ChangeExecution execution;
    private final AuditTrail audit;
    private final ChangePolicy policy;
    private final FleetObservations fleet;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ChangeService(ChangePlanner planner, ChangeRequestRepository changes, ChangeExecution execution,
            AuditTrail audit, ChangePolicy policy, FleetObservations fleet, PlatformTransactionManager transactions,
            Clock clock, ApplicationEventPublisher events) {
        this.planner = planner;
        this.changes = changes;
        this.execution = execution;
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
        refuseOutOfScope(draft);
        return planner.plan(targets(draft), draft.waves(), draft.port(), List.of());
    }

    private void refuseOutOfScope(ChangeDraft draft) {
        if (draft.serverIds().isEmpty()) {
            throw new ChangeRefusedException("rollout.submit.no-servers");
        }
        SiteScope scope = SiteScope.current();
        if (!scope.unlimited() && (fleet.servers(draft.serverIds()).stream().map(ExchangeServer::getSite)
                .filter(scope::allows).count() < Set.copyOf(draft.serverIds()).size())) {
            throw new ChangeRefusedException("rollout.submit.out-of-scope");
        }
    }

    /** Stores the change as a DRAFT with its plan as of now, for submitting later. */
    @RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME})
    public ChangeSummary saveDraft(ChangeDraft draft) {
        return planAndStore(draft, ChangeState.DRAFT);
    }

    /** Plans the change afresh and submits it for approval (or schedules it, where the policy asks for none). */
    @RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME})
    public ChangeSummary submit(ChangeDraft draft) {
        return planAndStore(draft, ChangeState.PENDING_APPROVAL);
    }

    /**
     * Submits the plan the requester looked at, when it is theirs, of this very draft and made at most
     * {@code calcon.change.plan-valid-for} ago: the approver then decides on what the requester saw, and the hosts
     * are not read a second time (the run's precheck reads each host again before anything is written). An older
     * plan, or another one, is made afresh as {@link #submit(ChangeDraft)} does.
     */
    @RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME})
    public ChangeSummary submit(ChangeDraft draft, ChangePlan seen) {
        if (!planner.stillHolds(seen, draft)) {
            return submit(draft);
        }
        ChangeRequest.refuseUnfitReason(draft.reason(), draft.ticket());
        refuseOutOfScope(draft);
        return store(seen, draft, ChangeState.PENDING_APPROVAL);
    }

    private ChangeSummary planAndStore(ChangeDraft draft, ChangeState state) {
        ChangeRequest.refuseUnfitReason(draft.reason(), draft.ticket());
        return store(plan(draft), draft, state);
    }

    private ChangeSummary store(ChangePlan plan, ChangeDraft draft, ChangeState state) {
        return store(plan, draft.reason(), draft.ticket(), draft.port(), ChangeOrigin.NONE, draft.schedule(), state);
    }

    /** Submits a stored draft: the plan is made again from the hosts as they are now. */
    @RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME})
    public ChangeSummary submitDraft(long id) {
        ChangeRequest draft = changeOrRefuse(id);
        if (draft.getState() != ChangeState.DRAFT || draft.getTargetPort() == null) {
            throw new ChangeRefusedException("rollout.submit.not-a-draft", id, draft.getState());
        }
        List<Long> serverIds = execution.serverIds(id);
        ChangeDraft again = new ChangeDraft(serverIds, draft.getTargetPort(), draft.getReason(), draft.getTicket(),
                draft.schedule(), draft.waves());
        ChangePlan plan = plan(again);
        tx.executeWithoutResult(s -> {
            ChangeRequest locked = lockOrRefuse(id);
            if (locked.getState() != ChangeState.DRAFT) {
                throw new ChangeRefusedException("rollout.submit.not-a-draft", id, locked.getState());
            }
            locked.setState(ChangeState.CANCELLED);
            locked.setEndReason(StoredMessage.of("rollout.end.resubmitted"));
            locked.setFinishedAt(clock.instant());
        });
        return store(plan, again, ChangeState.PENDING_APPROVAL);
    }

    /**
     * A second person approves: an OPERATOR or ADMIN who did not request the change. The policy is checked again,
     * the hosts are claimed (a host in another active change refuses the approval) and the rollout is scheduled.
     */
    @RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME})
    public ChangeSummary approve(long id, String comment) {
        ChangeRequest.refuseUnfitComment(comment);
        String user = CurrentUser.usernameOrSystem();
        return tx.execute(s -> {
            ChangeRequest change = lockOrRefuse(id);
            decidable(change, user);
            List<ChangeExecution.WaitingHost> pending = execution.waiting(id);
            List<StoredMessage.Argument> refused = policyRefusals(pending);
            if (!refused.isEmpty()) {
                throw new ChangeRefusedException("rollout.approve.policy", StoredMessage.listed(refused));
            }
            refuseIfBusy(pending);
            Instant now = clock.instant();
            change.decide(user, now, comment.strip());
            change.setState(ChangeState.APPROVED);
            audit.record(AuditEvent.of(user, AuditAction.PORT_CHANGE_APPROVED, AuditSubject.change(id))
                    .change(ChangeState.PENDING_APPROVAL.stored(), ChangeState.APPROVED.stored())
                    .because(comment.isBlank() ? null : comment.strip()));
            execution.start(change);
            return execution.summary(change);
        });
    }

    /** A second person rejects, with a comment; the hosts were never claimed. */
    @RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME})
    public ChangeSummary reject(long id, String comment) {
        String user = CurrentUser.usernameOrSystem();
        if (comment.isBlank()) {
            throw new ChangeRefusedException("rollout.reject.comment-required");
        }
        ChangeRequest.refuseUnfitComment(comment);
        return tx.execute(s -> {
            ChangeRequest change = lockOrRefuse(id);
            decidable(change, user);
            Instant now = clock.instant();
            change.decide(user, now, comment.strip());
            change.setState(ChangeState.REJECTED);
            change.setFinishedAt(now);
            execution.rejected(id, now);
            audit.record(AuditEvent.of(user, AuditAction.PORT_CHANGE_REJECTED, AuditSubject.change(id))
                    .change(ChangeState.PENDING_APPROVAL.stored(), ChangeState.REJECTED.stored()).because(comment.strip()));
            return execution.summary(change);
        });
    }

    /**
     * Stores a change that follows a finished one (its rollback, or the retry of its failed hosts), planned by the
     * feature that carried the original out, for approval like any other.
     */
    @RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME})
    public ChangeSummary submitFollowUp(ChangePlan plan, String reason, @Nullable String ticket, ChangeOrigin origin) {
        return store(plan, reason, ticket, plan.targetPort(), origin, ChangeDraft.Schedule.now(),
                ChangeState.PENDING_APPROVAL);
    }

    /** A change the acting user may see, to plan what follows it; refused as unknown otherwise. */
    @RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME})
    public ChangeRequest visibleChange(long id) {
        return changeOrRefuse(id);
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
            execution.planned(change.id(), plan, now);
            if (state != ChangeState.DRAFT) {
                audit.record(AuditEvent.of(user, AuditAction.PORT_CHANGE_REQUESTED, AuditSubject.change(change.id()))
                        .change(null, requested(plan, port, origin, ticket).toJson()).because(reason));
                if (!policy.approvalRequired()) {
                    change.decide("policy", now, null);
                    change.setState(ChangeState.APPROVED);
                    audit.record(AuditEvent.of("system", AuditAction.PORT_CHANGE_APPROVED, AuditSubject.change(change.id()))
                            .change(ChangeState.PENDING_APPROVAL.stored(), ChangeState.APPROVED.stored())
                            .because(StoredMessage.of("rollout.audit.no-approval-required").toJson()));
                    refuseIfBusy(execution.waiting(change.id()));
                    execution.start(change);
                } else {
                    events.publishEvent(new ChangeAwaitingApproval(change.id(), user, reason, ticket, now,
                            plan.hosts().stream().filter(h -> h.verdict() == HostPlan.Verdict.CHANGE)
                                    .map(h -> new ChangeAwaitingApproval.Host(h.serverId(), h.hostName(),
                                            h.targetPort())).toList()));
                }
            }
            return execution.summary(change);
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

    private void decidable(ChangeRequest change, String user) {
        if (change.getState() != ChangeState.PENDING_APPROVAL) {
            throw new ChangeRefusedException("rollout.approve.state", change.id(), change.getState());
        }
        if (change.getRequestedBy().equalsIgnoreCase(user)) {
            throw new ChangeRefusedException("rollout.approve.own", change.id());
        }
    }

    private List<StoredMessage.Argument> policyRefusals(List<ChangeExecution.WaitingHost> pending) {
        List<FleetObservations.DesiredPort> desired = fleet.desiredPorts();
        Map<Long, String> siteOf = desired.stream()
                .collect(Collectors.toMap(FleetObservations.DesiredPort::serverId, FleetObservations.DesiredPort::site));
        SitePeers sitePeers = new SitePeers(desired, pending.stream().map(ChangeExecution.WaitingHost::serverId).toList());
        PortPolicy portPolicy = policy.portPolicy();
        List<StoredMessage.Argument> refused = new ArrayList<>();
        for (ChangeExecution.WaitingHost run : pending) {
            var port = PortRules.check(run.targetPort()).validPort();
            if (port.isEmpty()) {
                refused.add(StoredMessage.inner(StoredMessage.of("rollout.approve.policy.port",
                        StoredMessage.verbatim(run.hostName()), StoredMessage.port(run.targetPort()))));
                continue;
            }
            var refusals = portPolicy.refusalsFor(port.get(), sitePeers.of(siteOf.getOrDefault(run.serverId(), "")));
            if (!refusals.isEmpty()) {
                refused.add(StoredMessage.inner(StoredMessage.of("rollout.approve.policy.host",
                        StoredMessage.verbatim(run.hostName()), StoredMessage.listed(refusals.stream()
                                .map(r -> StoredMessage.inner(StoredMessage.of(r.messageKey(),
                                        r.arguments().stream().map(StoredMessage::verbatim)
                                                .toArray(StoredMessage.Argument[]::new))))
                                .toList()))));
            }
        }
        return refused;
    }

    /** A host that another active change has claimed refuses the approval. */
    private void refuseIfBusy(List<ChangeExecution.WaitingHost> pending) {
        if (pending.isEmpty()) {
            return;
        }
        Map<Long, String> names = pending.stream()
                .collect(Collectors.toMap(ChangeExecution.WaitingHost::serverId, ChangeExecution.WaitingHost::hostName));
        List<StoredMessage.Argument> busy = execution.active().stream()
                .filter(c -> names.containsKey(c.serverId()))
                .map(c -> StoredMessage.inner(StoredMessage.of("rollout.approve.busy.host",
                        StoredMessage.verbatim(names.get(c.serverId())), StoredMessage.verbatim(c.changeRequestId()))))
                .toList();
        if (!busy.isEmpty()) {
            throw new ChangeRefusedException("rollout.approve.busy", StoredMessage.listed(busy));
        }
    }

    /** A change of servers outside the acting user's sites is as if it were not there. */
    private ChangeRequest changeOrRefuse(long id) {
        return changes.findById(id).filter(change -> execution.visible(id))
                .orElseThrow(() -> new ChangeRefusedException("rollout.change.unknown", id));
    }

    private ChangeRequest lockOrRefuse(long id) {
        return changes.lock(id).filter(change -> execution.visible(id))
                .orElseThrow(() -> new ChangeRefusedException("rollout.change.unknown", id));
    }

    private List<ChangePlanner.Target> targets(ChangeDraft draft) {
        return draft.serverIds().stream().map(id -> new ChangePlanner.Target(id, draft.port())).toList();
    }
}
